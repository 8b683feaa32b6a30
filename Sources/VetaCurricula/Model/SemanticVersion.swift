/// A semantic version `MAJOR.MINOR.PATCH`, ordered numerically.
public struct SemanticVersion: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The major number: changes that remove or change the meaning of a requirement.
    public let major: Int
    /// The minor number: additions.
    public let minor: Int
    /// The patch number: wording and translations only.
    public let patch: Int

    /// Creates a version from its three numbers.
    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `x.y.z`; returns `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == 3, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        self.init(major: numbers[0], minor: numbers[1], patch: numbers[2])
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    /// Decodes a version from a `"x.y.z"` JSON string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = SemanticVersion(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a semantic version: \(text)")
        }
        self = version
    }

    /// Encodes the version as an `"x.y.z"` JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}
