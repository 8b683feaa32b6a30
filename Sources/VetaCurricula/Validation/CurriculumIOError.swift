/// A file or folder that could not be read: not a finding about its content.
public struct CurriculumIOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path as given.
    public let path: String
    /// What went wrong.
    public let reason: String

    /// Creates an I/O error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
