/// Compiler-style text: one line per finding, then a one-line hint.
///
/// ```
/// Examples/x.xml:42:7: error[VETA-R001]: unit code "RIIMPO338E" is already used at line 12
///   hint: give each <unit> a unique code, or remove the duplicate unit.
/// ```
public enum TextReport {
    /// The lines for one finding.
    public static func lines(for diagnostic: Diagnostic) -> [String] {
        lines(for: diagnostic, verbose: false)
    }

    /// The lines for one finding; with `verbose`, also libxml2's own text when Veta rephrased it.
    public static func lines(for diagnostic: Diagnostic, verbose: Bool) -> [String] {
        var lines = [diagnostic.description] + (diagnostic.fix.map { ["  hint: \($0)"] } ?? [])
        if verbose, let original = diagnostic.originalMessage { lines.append("  libxml2: \(original)") }
        return lines
    }

    /// Every finding of every result, in order, followed by the summary line.
    public static func render(_ results: [ValidationResult], verbose: Bool = false) -> String {
        var lines = results.flatMap { $0.diagnostics.flatMap { Self.lines(for: $0, verbose: verbose) } }
        lines.append(ValidationSummary(results).line)
        return lines.joined(separator: "\n") + "\n"
    }
}
