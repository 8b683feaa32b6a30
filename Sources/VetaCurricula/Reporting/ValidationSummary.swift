/// Counts over a set of validation results.
public struct ValidationSummary: Hashable, Sendable, Codable {
    /// Files checked.
    public let files: Int
    /// Files with at least one error.
    public let filesWithErrors: Int
    /// Errors in all.
    public let errors: Int
    /// Warnings in all.
    public let warnings: Int

    /// Counts the findings in `results`.
    public init(_ results: [ValidationResult]) {
        files = results.count
        filesWithErrors = results.filter(\.hasErrors).count
        let all = results.flatMap(\.diagnostics)
        errors = all.filter { $0.severity == .error }.count
        warnings = all.filter { $0.severity == .warning }.count
    }

    /// `3 files checked: 2 errors, 1 warning (1 file with errors)`.
    public var line: String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var text = "\(plural(files, "file")) checked: \(plural(errors, "error")), \(plural(warnings, "warning"))"
        if filesWithErrors > 0 { text += " (\(plural(filesWithErrors, "file")) with errors)" }
        return text
    }
}
