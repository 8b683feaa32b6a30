extension EvidenceTarget {
    /// The forms a target is written in, for messages and `--help`.
    public static let forms = ["unit", "element:N", "criterion:N.M", "knowledge:ID", "performance:ID"]

    /// Parses a target as `veta record --target` and the `target` column of `veta import` take it:
    /// `unit`, `element:N`, `criterion:N.M`, `knowledge:ID` or `performance:ID`, with the numbers and the id as the
    /// curriculum schema writes them (`N` 1–99, `N.M` as `[1-9][0-9]?.[1-9][0-9]?`, `ID` as
    /// `[A-Za-z0-9][A-Za-z0-9_-]{0,15}`) and nothing else: no space after the colon, no other case.
    ///
    /// - Throws: A ``Refusal`` echoing the text as written and naming the forms.
    public init(parsing text: String) throws(Refusal) {
        guard let target = EvidenceTarget(text), target.isWellFormed else {
            throw Refusal("target '\(text)' is not one of " + Self.forms.joined(separator: ", "))
        }
        self = target
    }

    /// Whether the numbers or the id follow the curriculum schema.
    public var isWellFormed: Bool {
        switch self {
        case .unit: return true
        case .element(let number): return (1...99).contains(number)
        case .criterion(let number):
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && parts.allSatisfy(Self.isSmallNumber)
        case .knowledge(let id), .performance(let id):
            let bytes = Array(id.utf8)
            return (1...16).contains(bytes.count) && Self.isAlphanumeric(bytes[0])
                && bytes.allSatisfy { Self.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isSmallNumber(_ text: Substring) -> Bool {
        (1...2).contains(text.utf8.count) && text.first != "0" && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
