extension JSONReport {
    /// One path of a validation run: a file's result, or a path that could not be read.
    public enum Entry: Sendable {
        case result(ValidationResult)
        case unreadable(path: String, reason: String)
    }

    /// The report for a run in which some paths could not be read: every entry in the order given,
    /// an unreadable one as a file that is not valid, with its `error` and no findings. The summary
    /// counts unreadable files as files with errors.
    public init(entries: [Entry]) {
        let results = entries.compactMap { if case .result(let result) = $0 { result } else { nil } }
        self.init(results)
        files = entries.map {
            switch $0 {
            case .result(let result):
                File(
                    path: result.path, valid: !result.hasErrors, code: result.code?.rawValue,
                    version: result.version?.description, diagnostics: result.diagnostics)
            case .unreadable(let path, let reason):
                File(path: path, valid: false, code: nil, version: nil, diagnostics: [], error: reason)
            }
        }
        let unreadable = entries.count - results.count
        summary = ValidationSummary(results, unreadable: unreadable)
    }
}

extension ValidationSummary {
    /// Counts the findings in `results`, plus `unreadable` files that could not be read (each a file with errors).
    public init(_ results: [ValidationResult], unreadable: Int) {
        let counted = ValidationSummary(results)
        files = counted.files + unreadable
        filesWithErrors = counted.filesWithErrors + unreadable
        errors = counted.errors
        warnings = counted.warnings
    }
}
