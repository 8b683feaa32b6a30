/// Which entries one `veta import` wrote: an import appends all its entries in one write
/// transaction, so they are the consecutive entries `first` through `last` of the log, recorded
/// at one instant. Written `FIRST-LAST` (e.g. `57-83`), as `veta import` prints it.
public struct ImportID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first entry the import wrote.
    public let first: Int64
    /// The last entry the import wrote.
    public let last: Int64

    /// The import of entries `first` through `last`.
    public init(first: Int64, last: Int64) {
        self.first = first
        self.last = last
    }

    /// Reads `FIRST-LAST`; `nil` for anything else (or a range that is empty or starts before 1).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let first = Int64(parts[0]), let last = Int64(parts[1]), first >= 1, first <= last
        else { return nil }
        self.init(first: first, last: last)
    }

    /// The import that wrote `entries` (in sequence order), or `nil` when it wrote none.
    public static func of(_ entries: [LedgerEntry]) -> ImportID? {
        guard let first = entries.first?.sequence, let last = entries.last?.sequence else { return nil }
        return ImportID(first: first, last: last)
    }

    public var description: String { "\(first)-\(last)" }

    /// Encoded as its text, `FIRST-LAST`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes the text `FIRST-LAST`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = ImportID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(text) is not FIRST-LAST"))
        }
        self = id
    }
}
