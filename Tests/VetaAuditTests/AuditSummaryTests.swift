import Testing
import VetaAudit
import VetaCurricula

/// The summary rows of an audit report (per curriculum and per employer) never say "pass" where an
/// error was found, and a log that does not verify fails every row.
struct AuditSummaryTests {
    static let curricula = ["VTOP@1.0.0", "VTOPHT@1.0.0", "VTOPHT@2.0.0", "ZACCSM@1.0.0"]
    static let employers = ["CMP961028AB1", "MFR110315AB1"]

    static func error(_ rule: AuditRule, curriculum: String? = nil, employer: String? = nil) -> AuditFinding {
        AuditFinding(
            Diagnostic(code: rule.rawValue, severity: .error, location: SourceLocation(file: "store:x", line: 1), message: "finding"),
            curriculum: curriculum, employer: employer)
    }

    static func report(_ findings: [AuditFinding]) -> AuditReport {
        AuditReport(kind: "records", asOf: nil, curricula: curricula, employers: employers, findings: findings)
    }

    @Test(arguments: curricula)
    func aCurriculumWithAnErrorFindingNeverPasses(_ curriculum: String) {
        let report = Self.report([Self.error(.recordNotBacked, curriculum: curriculum)])
        #expect(!report.passes(curriculum: curriculum))
        // By its code alone (a catalogue finding about a file): every version of that code fails.
        let code = String(curriculum.split(separator: "@")[0])
        let byCode = Self.report([Self.error(.invalidCurriculum, curriculum: code)])
        for other in Self.curricula {
            #expect(byCode.passes(curriculum: other) == !other.hasPrefix(code + "@"), "\(code) against \(other)")
        }
        // A finding about another curriculum does not fail this one (VTOP is not VTOPHT).
        for other in Self.curricula where other != curriculum {
            #expect(Self.report([Self.error(.recordNotBacked, curriculum: other)]).passes(curriculum: curriculum))
        }
    }

    @Test(arguments: employers)
    func anEmployerWithAnErrorFindingNeverPasses(_ employer: String) {
        let report = Self.report([Self.error(.signOffUnauthorised, curriculum: "VTOP@1.0.0", employer: employer)])
        #expect(!report.passes(employer: employer))
        for other in Self.employers where other != employer { #expect(report.passes(employer: other)) }
    }

    @Test func aLogThatDoesNotVerifyFailsEveryRow() {
        let report = Self.report([Self.error(.ledgerBroken)])
        #expect(report.logBroken)
        for curriculum in Self.curricula { #expect(!report.passes(curriculum: curriculum)) }
        for employer in Self.employers { #expect(!report.passes(employer: employer)) }
        let html = AuditRenderer.html(report)
        #expect(!html.contains("class=\"pass\">pass"))
        #expect(html.components(separatedBy: "class=\"fail\">fail").count - 1 == Self.curricula.count + Self.employers.count)
    }
}
