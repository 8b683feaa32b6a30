extension XSDValueReader {
    /// The schema's patterned `xs:string` types. `whiteSpace` is `preserve` for `xs:string`, so the
    /// text as written must match the whole pattern; the value is that text.
    enum Pattern: Sendable {
        /// `Code`: `[A-Z0-9]{1,12}`.
        case code
        /// `Identifier`: `[A-Za-z0-9][A-Za-z0-9_-]{0,15}`.
        case identifier
        /// `CriterionNumber`: `[1-9][0-9]?\.[1-9][0-9]?`.
        case criterionNumber
        /// The SCIAN sector: `[0-9]{2,6}`.
        case scian
        /// The SINCO occupation: `[0-9]{4}`.
        case sinco
        /// The STPS thematic area key of a `<dc3>` block: `[0-9]{4}`.
        case thematicAreaKey
        /// A reference's code: `[A-Za-z0-9][A-Za-z0-9.\-]{0,39}`.
        case referenceCode
        /// A norm's clause: `[0-9]+(\.[0-9]+)*`.
        case clause
        /// A provenance's package or release (schema 1.1): `[A-Za-z0-9][A-Za-z0-9.\-]{0,15}`.
        case shortReference

        /// The pattern as the schema writes it, for messages.
        var schemaText: String {
            switch self {
            case .code: "[A-Z0-9]{1,12}"
            case .identifier: "[A-Za-z0-9][A-Za-z0-9_-]{0,15}"
            case .criterionNumber: "[1-9][0-9]?\\.[1-9][0-9]?"
            case .scian: "[0-9]{2,6}"
            case .sinco, .thematicAreaKey: "[0-9]{4}"
            case .referenceCode: "[A-Za-z0-9][A-Za-z0-9.\\-]{0,39}"
            case .clause: "[0-9]+(\\.[0-9]+)*"
            case .shortReference: "[A-Za-z0-9][A-Za-z0-9.\\-]{0,15}"
            }
        }

        func matches(_ text: String) -> Bool {
            var text = text
            return text.withUTF8(matches)
        }

        private func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .code:
                return (1...12).contains(bytes.count) && bytes.allSatisfy { isDigit($0) || isUpper($0) }
            case .identifier:
                return (1...16).contains(bytes.count) && isAlphanumeric(bytes[0])
                    && bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            case .criterionNumber:
                guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
                return isSmallNumber(bytes[..<dot]) && isSmallNumber(bytes[(dot + 1)...])
            case .scian:
                return (2...6).contains(bytes.count) && bytes.allSatisfy(isDigit)
            case .sinco, .thematicAreaKey:
                return bytes.count == 4 && bytes.allSatisfy(isDigit)
            case .referenceCode, .shortReference:
                return (1...(self == .referenceCode ? 40 : 16)).contains(bytes.count) && isAlphanumeric(bytes[0])
                    && bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
            case .clause:
                return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                    .allSatisfy { !$0.isEmpty && $0.allSatisfy(isDigit) }
            }
        }

        /// `[1-9][0-9]?`: one or two digits, the first not zero (a second dot is not a digit).
        private func isSmallNumber(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            (1...2).contains(part.count) && part.allSatisfy(isDigit) && part.first != UInt8(ascii: "0")
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        private func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        private func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isUpper(byte) || (byte >= 0x61 && byte <= 0x7A) }
    }

    /// A patterned `xs:string`: the text as written when it matches the whole pattern.
    static func string(_ text: String, matching pattern: Pattern) -> Result<String, XSDValueError> {
        pattern.matches(text) ? .success(text) : .failure(.notInLexicalSpace)
    }
}
