/// Bounds on what the reader accepts, so hostile input ends quickly with a diagnostic.
///
/// libxml2's own limits stay on as well (no `XML_PARSE_HUGE`): text nodes and attribute values
/// are capped at 10 MB and nesting at 256 levels whatever these values say.
public struct ParseLimits: Hashable, Sendable {
    /// The largest file accepted, in bytes.
    public var maximumFileSize: Int
    /// The deepest element nesting accepted. A valid curriculum needs 7 levels.
    public var maximumDepth: Int

    /// Creates limits.
    public init(maximumFileSize: Int = 64 << 20, maximumDepth: Int = 32) {
        self.maximumFileSize = maximumFileSize
        self.maximumDepth = maximumDepth
    }

    /// 64 MiB and 32 levels.
    public static let `default` = ParseLimits()
}
