/// Compiler-style text: one line per finding, then a one-line hint.
///
/// ```
/// Examples/x.xml:42:7: error[VETA-R001]: unit code "RIIMPO338E" is already used at line 12
///   hint: give each <unit> a unique code, or remove the duplicate unit.
/// ```
public enum TextReport {
    /// The lines for one finding.
    public static func lines(for diagnostic: Diagnostic) -> [String] {
        [diagnostic.description] + (diagnostic.fix.map { ["  hint: \($0)"] } ?? [])
    }

    /// Every finding of every result, in order, followed by the summary line.
    public static func render(_ results: [ValidationResult]) -> String {
        var lines = results.flatMap { $0.diagnostics.flatMap(Self.lines(for:)) }
        lines.append(ValidationSummary(results).line)
        return lines.joined(separator: "\n") + "\n"
    }
}
