/// One finding about a curriculum file: what is wrong, where, and how to fix it.
///
/// Diagnostics are values: validation collects every one of them and never stops at the first.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// The file must not be used until the finding is fixed.
        case error
        /// The file may be used, but the finding deserves a look.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// The stable rule id, e.g. `VETA-R001`. Tests and tools match on it.
    public var code: String
    /// How serious the finding is.
    public var severity: Severity
    /// Where the finding is.
    public var location: SourceLocation
    /// What is wrong, naming the offending value.
    public var message: String
    /// How to fix it, in one line.
    public var fix: String?
    /// The XML library's own text (libxml2's), for a finding that libxml2 made and Veta put in
    /// plain words; `nil` for Veta's own checks. Shown by `veta validate --verbose`.
    public var originalMessage: String?

    /// Creates a diagnostic.
    public init(
        code: String,
        severity: Severity,
        location: SourceLocation,
        message: String,
        fix: String? = nil,
        originalMessage: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
        self.originalMessage = originalMessage
    }

    /// Compiler style: `file:line:col: error[VETA-R001]: message`.
    public var description: String {
        "\(location): \(severity.rawValue)[\(code)]: \(message)"
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, line, column, then code, so output is deterministic.
    public static func sourceOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location.file != rhs.location.file { return lhs.location.file < rhs.location.file }
        if lhs.location.line != rhs.location.line { return lhs.location.line < rhs.location.line }
        let lc = lhs.location.column ?? 0
        let rc = rhs.location.column ?? 0
        if lc != rc { return lc < rc }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}
