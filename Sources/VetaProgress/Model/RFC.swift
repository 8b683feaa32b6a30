/// A Mexican RFC (Registro Federal de Contribuyentes), checked for form: 12 characters for a
/// company (3 letters, YYMMDD, 3-character homoclave), 13 for a person (4 letters, YYMMDD, 3).
public struct RFC: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The RFC, uppercase.
    public let rawValue: String

    /// Validates and wraps an RFC; the error says what is wrong.
    public init(_ text: String) throws(IdentityError) {
        let value = text.uppercased()
        let characters = Array(value)
        guard characters.count == 12 || characters.count == 13 else {
            throw IdentityError("RFC must have 12 characters (company) or 13 (person), \"\(text)\" has \(characters.count)")
        }
        let letters = characters.count - 9
        func isLetter(_ c: Character) -> Bool { c.isASCII && c.isUppercase || c == "Ñ" || c == "&" }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        guard characters[0..<letters].allSatisfy(isLetter) else {
            throw IdentityError("RFC \(value): the first \(letters) characters must be letters")
        }
        let date = characters[letters..<(letters + 6)]
        guard date.allSatisfy(isDigit), let month = Int(String(date.dropFirst(2).prefix(2))), let day = Int(String(date.suffix(2))),
            (1...12).contains(month), (1...31).contains(day)
        else { throw IdentityError("RFC \(value): \(String(date)) is not a date YYMMDD") }
        guard characters[(letters + 6)...].allSatisfy({ isDigit($0) || ($0.isASCII && $0.isUppercase) }) else {
            throw IdentityError("RFC \(value): the homoclave (last 3 characters) must be letters or digits")
        }
        rawValue = value
    }

    /// Whether this is a company's RFC (12 characters).
    public var isCompany: Bool { rawValue.count == 12 }

    public var description: String { rawValue }
}
