/// A Mexican CURP (Clave Única de Registro de Población), checked for form and check digit.
///
/// 18 characters: 4 letters, birth date YYMMDD, sex (H, M or X), a 2-letter state code (or NE),
/// 3 consonants, a disambiguator (digit before 2000, letter after) and a check digit computed
/// over the first 17 characters with the alphabet `0-9 A-N Ñ O-Z`.
public struct CURP: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The CURP, uppercase.
    public let rawValue: String

    static let alphabet = Array("0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ")
    static let states: Set<String> = [
        "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN", "MS", "NT",
        "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS", "NE",
    ]

    /// Validates and wraps a CURP; the error says what is wrong.
    public init(_ text: String) throws(IdentityError) {
        let value = text.uppercased()
        let characters = Array(value)
        guard characters.count == 18 else {
            throw IdentityError("CURP must have 18 characters, \"\(text)\" has \(characters.count)")
        }
        func isLetter(_ c: Character) -> Bool { c.isASCII && c.isUppercase || c == "Ñ" }
        func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
        guard characters[0..<4].allSatisfy(isLetter) else { throw IdentityError("CURP \(value): the first 4 characters must be letters") }
        guard characters[4..<10].allSatisfy(isDigit) else {
            throw IdentityError("CURP \(value): characters 5–10 must be the birth date YYMMDD")
        }
        let month = Int(String(characters[6..<8])) ?? 0
        let day = Int(String(characters[8..<10])) ?? 0
        guard (1...12).contains(month), (1...31).contains(day) else {
            throw IdentityError("CURP \(value): \(String(characters[4..<10])) is not a date YYMMDD")
        }
        guard "HMX".contains(characters[10]) else { throw IdentityError("CURP \(value): character 11 must be the sex, H, M or X") }
        guard Self.states.contains(String(characters[11..<13])) else {
            throw IdentityError("CURP \(value): \(String(characters[11..<13])) is not a state code")
        }
        guard characters[13..<16].allSatisfy(isLetter) else { throw IdentityError("CURP \(value): characters 14–16 must be consonants") }
        guard isDigit(characters[16]) || isLetter(characters[16]) else {
            throw IdentityError("CURP \(value): character 17 must be a digit or a letter")
        }
        guard let expected = Self.checkDigit(characters[0..<17]), String(characters[17]) == String(expected) else {
            throw IdentityError("CURP \(value): the check digit does not match; check for a typing error")
        }
        rawValue = value
    }

    /// The check digit for the first 17 characters: (10 − Σ value(cᵢ)·(18−i) mod 10) mod 10.
    static func checkDigit(_ characters: ArraySlice<Character>) -> Int? {
        var sum = 0
        for (i, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * (18 - i)
        }
        return (10 - sum % 10) % 10
    }

    public var description: String { rawValue }
}

/// A personal or company identifier that is not well-formed.
public struct IdentityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let description: String

    init(_ description: String) { self.description = description }
}
