/// A place in a source file: the file name as given, a 1-based line and, when known, a 1-based column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file name as the caller gave it (not resolved to an absolute path).
    public var file: String
    /// The 1-based line number; 0 when the problem concerns the file as a whole.
    public var line: Int
    /// The 1-based column, when known.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `file:line`, or `file` when the line is 0.
    public var description: String {
        guard line > 0 else { return file }
        return "\(file):\(line)" + (column.map { ":\($0)" } ?? "")
    }
}
