import Foundation
public import VetaCurricula

/// Renders an audit report as text, JSON, SARIF or one self-contained HTML file. The same report
/// gives the same bytes: nothing here reads the clock.
public enum AuditRenderer {
    /// Every rule an audit can report: the curriculum checks and the audit rules.
    public static var descriptors: [RuleDescriptor] { RuleCatalog.descriptors + AuditRule.allCases.map(\.descriptor) }

    /// Compiler-style lines and a summary.
    public static func text(_ report: AuditReport) -> String {
        var lines = report.findings.flatMap { TextReport.lines(for: $0.diagnostic) }
        let (errors, warnings) = report.counts
        lines.append(
            "audit \(report.kind)\(report.asOf.map { " as of \($0)" } ?? ""): \(report.curricula.count) curricula"
                + (report.kind == "records" ? ", \(report.employers.count) employers" : "") + ": \(errors) errors, \(warnings) warnings")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    public static func json(_ report: AuditReport) throws -> String { try JSONOutput.encode(report) }

    /// SARIF 2.1.0.
    public static func sarif(_ report: AuditReport, toolVersion: String) throws -> String {
        try SARIFReport(diagnostics: report.findings.map(\.diagnostic), descriptors: descriptors, toolVersion: toolVersion).encoded()
    }

    /// One self-contained, printable HTML page: summary first, then a section per finding.
    public static func html(_ report: AuditReport) -> String {
        let (errors, warnings) = report.counts
        var body = "<h1>Veta audit: \(escape(report.kind))</h1>\n"
        if let asOf = report.asOf { body += "<p>As of / a la fecha: \(escape(asOf))</p>\n" }
        body += "<section id=\"summary\"><h2>Summary / Resumen</h2>\n<table><tr><th>errors</th><th>warnings</th><th>findings</th></tr>"
        body += "<tr><td>\(errors)</td><td>\(warnings)</td><td>\(report.findings.count)</td></tr></table>\n"
        body += "<h3>Curricula</h3><table><tr><th>curriculum</th><th>result</th></tr>"
        for curriculum in report.curricula {
            let pass = report.passes(curriculum: curriculum)
            body += "<tr><td>\(escape(curriculum))</td><td class=\"\(pass ? "pass" : "fail")\">\(pass ? "pass" : "fail")</td></tr>"
        }
        body += "</table>\n"
        if !report.employers.isEmpty {
            body += "<h3>Employers</h3><table><tr><th>employer (RFC)</th><th>result</th></tr>"
            for employer in report.employers {
                let pass = report.passes(employer: employer)
                body += "<tr><td>\(escape(employer))</td><td class=\"\(pass ? "pass" : "fail")\">\(pass ? "pass" : "fail")</td></tr>"
            }
            body += "</table>\n"
        }
        body += "</section>\n<section id=\"findings\"><h2>Findings / Hallazgos</h2>\n"
        if report.findings.isEmpty { body += "<p>No findings.</p>\n" }
        for (index, finding) in report.findings.enumerated() {
            let d = finding.diagnostic
            body +=
                "<article class=\"\(d.severity.rawValue)\" id=\"finding-\(index + 1)\"><h3>\(index + 1). \(escape(d.severity.rawValue)) \(escape(d.code))</h3>"
            body += "<p class=\"where\">\(escape(d.location.description))</p><p>\(escape(d.message))</p>"
            if let fix = d.fix { body += "<p class=\"fix\">Fix: \(escape(fix))</p>" }
            body += "</article>\n"
        }
        body += "</section>\n"
        return """
            <!DOCTYPE html>
            <html lang="es"><head><meta charset="utf-8"><title>Veta audit: \(escape(report.kind))</title>
            <style>
            body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}
            table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.2em .6em;text-align:left}
            .pass{color:#176c2b}.fail{color:#a11}article{border-left:4px solid #999;padding:.2em 1em;margin:1em 0;page-break-inside:avoid}
            article.error{border-color:#a11}article.warning{border-color:#b80}.where{font-family:monospace}.fix{font-style:italic}
            @media print{body{margin:0}}
            </style></head><body>
            \(body)</body></html>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
