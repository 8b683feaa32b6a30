/// The kind of a ``CodedError``: a caseless enum per module (`BadgeFailure`, `ServeFailure`) that
/// makes each module's error a type of its own, so callers catch one module's errors by type.
public protocol CodedErrorDomain: Sendable {}

/// An error with a stable code, a message naming what is wrong and a fix: the one shape of the
/// error types that need nothing more (`BadgeError`, `ServeError`).
///
/// Each module declares its error as `typealias XError = CodedError<XFailure>` and its named
/// errors as static functions in `extension CodedError where Domain == XFailure`.
public struct CodedError<Domain: CodedErrorDomain>: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier, such as `"VETA-BADGE-001"`; tests and JSON output match on it.
    public var code: String
    /// What went wrong, naming the offending value.
    public var message: String
    /// How to fix it.
    public var fix: String?

    /// Creates an error.
    public init(code: String, message: String, fix: String? = nil) {
        self.code = code
        self.message = message
        self.fix = fix
    }

    /// The code, the message and the fix on one line: `error[CODE]: message Fix: fix`.
    public var description: String {
        "error[\(code)]: \(message)" + (fix.map { " Fix: \($0)" } ?? "")
    }
}
