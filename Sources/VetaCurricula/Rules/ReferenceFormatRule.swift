/// VETA-R016: external references are well-formed for their kind.
struct ReferenceFormatRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R016", name: "reference-format", severity: .error,
        summary:
            "External references are well-formed: EC codes like EC1388 or EC1388.01, norms like NOM-023-STPS-2012, unit codes of 1–12 uppercase letters or digits.",
        fix: "write the code as the issuing body publishes it.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        curriculum.references.compactMap { reference in
            guard let expected = Self.problem(with: reference) else { return nil }
            return finding(reference.location, "\(reference.kind.rawValue) reference \"\(reference.code)\" is not \(expected)")
        }
    }

    /// What the code should look like, when it does not.
    static func problem(with reference: ExternalReference) -> String? {
        let code = Array(reference.code.utf8)
        switch reference.kind {
        case .ec:
            let ok =
                matches(code, ["E", "C", .digit, .digit, .digit, .digit])
                || matches(code, ["E", "C", .digit, .digit, .digit, .digit, ".", .digit, .digit])
            return ok ? nil : "an EC code like EC1388 or EC1388.01"
        case .nom:
            return isNorm(reference.code) ? nil : "a norm code like NOM-023-STPS-2012"
        case .unit:
            let ok = (1...12).contains(code.count) && code.allSatisfy { Pattern.upperOrDigit.matches($0) }
            return ok ? nil : "a unit code of 1–12 uppercase letters or digits"
        case .other:
            return nil
        }
    }

    private static func isNorm(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "NOM" else { return false }
        let number = Array(parts[1].utf8)
        let body = Array(parts[2].utf8)
        let year = Array(parts[3].utf8)
        return number.count == 3 && number.allSatisfy(Pattern.digit.matches)
            && (2...8).contains(body.count) && body.allSatisfy(Pattern.upper.matches)
            && year.count == 4 && year.allSatisfy(Pattern.digit.matches)
    }

    private enum Pattern: ExpressibleByUnicodeScalarLiteral {
        case literal(UInt8)
        case digit, upper, upperOrDigit

        init(unicodeScalarLiteral value: Unicode.Scalar) { self = .literal(UInt8(value.value)) }

        func matches(_ byte: UInt8) -> Bool {
            switch self {
            case .literal(let expected): byte == expected
            case .digit: (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            case .upper: (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            case .upperOrDigit: Pattern.digit.matches(byte) || Pattern.upper.matches(byte)
            }
        }
    }

    private static func matches(_ code: [UInt8], _ pattern: [Pattern]) -> Bool {
        code.count == pattern.count && zip(code, pattern).allSatisfy { $1.matches($0) }
    }
}
