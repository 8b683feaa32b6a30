extension CSV {
    /// A field separator a spreadsheet writes.
    public enum Delimiter: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        /// `,`: RFC 4180 and Excel in English-speaking locales.
        case comma = ","
        /// `;`: Excel where `,` is the decimal separator (Spanish, most of Europe and Latin America).
        case semicolon = ";"
        /// A tab: "Unicode text" and tab-separated exports.
        case tab = "\t"

        /// The byte.
        public var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: 0x09
            }
        }

        /// How it is named on the command line: `,`, `;` or `tab`.
        public var description: String { self == .tab ? "tab" : rawValue }

        /// The separator named on the command line: `,`, `comma`, `;`, `semicolon` or `tab`.
        public init?(name: String) {
            switch name {
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "\t", "tab", "\\t": self = .tab
            default: return nil
            }
        }

        /// The separator a first line `sep=;` (or `sep=,`, `sep=<tab>`) declares, as Excel reads it, or nil.
        public static func declared(in text: [UInt8]) -> Delimiter? {
            guard text.count >= 5, text.prefix(4).map({ $0 | 0x20 }) == Array("sep=".utf8) else { return nil }
            let rest = text.dropFirst(5).prefix(2)
            guard rest.isEmpty || rest.first == 0x0A || Array(rest) == [0x0D, 0x0A] else { return nil }
            return allCases.first { $0.byte == text[4] }
        }

        /// The separator of the header line: the one of `,`, `;` and tab that occurs outside quotes,
        /// or a refusal naming them when more than one does (header names hold none of them).
        public static func detect(inHeaderOf text: [UInt8]) throws(SyntaxError) -> Delimiter {
            var counts: [Delimiter: Int] = [:]
            var inQuotes = false
            for byte in text {
                if byte == 0x0A && !inQuotes { break }
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
                guard !inQuotes, let found = allCases.first(where: { $0.byte == byte }) else { continue }
                counts[found, default: 0] += 1
            }
            let present = allCases.filter { counts[$0] != nil }
            guard present.count <= 1 else {
                throw SyntaxError(
                    line: 1,
                    reason: "the header holds more than one kind of separator ("
                        + present.map { "\($0)" }.joined(separator: " and ")
                        + "): pass --delimiter to say which one separates the columns")
            }
            return present.first ?? .comma
        }
    }
}
