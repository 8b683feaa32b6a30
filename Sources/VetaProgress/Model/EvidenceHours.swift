/// The hours spent on one evidence entry, kept in whole minutes: the one rule for `veta record
/// --hours` and the `hours` column of `veta import`.
///
/// Hours are written as a plain decimal (ASCII digits with at most one decimal point; a decimal
/// comma only where the caller allows it, as in `;`-separated files), more than 0 and at most
/// ``maximum`` (one day), and must round to at least one minute. Anything else is refused with the
/// text echoed as written and, where one can be worked out, the value to write instead.
public struct EvidenceHours: Hashable, Sendable {
    /// The most hours one entry may record.
    public static let maximum = 24
    /// The rule, in the words every refusal and `--help` use.
    public static let rule = "a plain decimal more than 0 and at most 24, such as 1.5"

    /// The hours, in whole minutes (1 to 1440).
    public let minutes: Int

    /// Parses hours as written.
    ///
    /// - Parameters:
    ///   - text: The hours, already cleaned of surrounding spaces.
    ///   - decimalComma: Whether `1,5` means 1.5 (Spanish-locale spreadsheets, `;`-separated files).
    ///   - commaAdvice: Words added when a decimal comma is refused, saying where one is read.
    /// - Throws: A ``Refusal`` saying what is wrong and what to write.
    public init(_ text: String, decimalComma: Bool = false, commaAdvice: String? = nil) throws(Refusal) {
        let quoted = "hours '\(text)'"
        if let plain = Self.plainDecimal(text, decimalComma: decimalComma) {
            switch Self.range(plain) {
            case .success(let minutes): self.minutes = minutes
            case .failure(let problem): throw Refusal("\(quoted) \(problem.words)")
            }
            return
        }
        guard !text.isEmpty else { throw Refusal("hours are empty: write \(Self.rule)") }
        throw Refusal("\(quoted) " + Self.whyNotPlain(text, decimalComma: decimalComma, commaAdvice: commaAdvice))
    }

    /// Creates hours from whole minutes, 1 to 24 × 60.
    public init?(minutes: Int) {
        guard (1...(Self.maximum * 60)).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    // MARK: parts

    /// Why a value in plain notation is out of range.
    private struct RangeProblem: Error {
        let words: String
    }

    private enum Separators { case none, decimalComma, thousands }

    /// What is wrong with text that is not a plain decimal, and what to write instead when that
    /// can be worked out.
    private static func whyNotPlain(_ text: String, decimalComma: Bool, commaAdvice: String?) -> String {
        let scalars = Array(text.unicodeScalars)
        var problem = "is not \(rule)"
        let spaces = scalars.filter { $0.properties.isWhitespace }
        if !spaces.isEmpty { problem += "; it holds a space (" + codes(spaces) + ")" }
        if scalars.contains(where: { !$0.isASCII && $0.properties.numericType == .decimal }) {
            problem += "; it holds digits other than 0-9"
        }
        guard let (fix, kind) = suggestion(for: scalars, decimalComma: decimalComma) else { return problem }
        switch kind {
        case .decimalComma where scalars.allSatisfy(isPlain):
            problem = "has a decimal comma" + (commaAdvice.map { ", which is " + $0 } ?? "")
        case .thousands: problem += "; write no thousands separators"
        default: break
        }
        switch range(fix) {
        case .success: return "\(problem): write \(fix)"
        case .failure(let outOfRange): return "\(problem); read as \(fix) it \(outOfRange.words)"
        }
    }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || scalar == "." || scalar == ","
    }

    /// `text` as a plain decimal with a point, or nil.
    private static func plainDecimal(_ text: String, decimalComma: Bool) -> String? {
        let scalars = Array(text.unicodeScalars)
        let points = scalars.filter { $0 == "." }.count
        let commas = scalars.filter { $0 == "," }.count
        guard (1...32).contains(scalars.count), scalars.contains(where: { ("0"..."9").contains($0) }), scalars.allSatisfy(isPlain)
        else { return nil }
        if commas == 0 && points <= 1 { return text }
        if decimalComma && points == 0 && commas == 1 { return text.replacingOccurrences(of: ",", with: ".") }
        return nil
    }

    /// Minutes of a plain decimal, or why it is out of range.
    private static func range(_ plain: String) -> Result<Int, RangeProblem> {
        guard let hours = Double(plain), hours.isFinite else { return .failure(.init(words: "is not \(rule)")) }
        guard hours > 0 else { return .failure(.init(words: "is not more than 0: write \(rule)")) }
        guard hours <= Double(maximum) else {
            return .failure(
                .init(words: "is more than \(maximum), the most one entry may record (one day): record each day as its own entry"))
        }
        let minutes = Int((hours * 60).rounded())
        guard minutes >= 1 else {
            return .failure(.init(words: "is less than one minute, the least one entry may record: write at least 0.02"))
        }
        return .success(minutes)
    }

    /// What the writer probably meant: digits of any script as 0-9, spaces dropped, and of the
    /// points and commas a last one of a different kind the decimal mark (the others thousands
    /// separators); nil when the text is not a number written that way.
    private static func suggestion(for scalars: [Unicode.Scalar], decimalComma: Bool) -> (String, Separators)? {
        var characters: [Character] = []
        for scalar in scalars where !scalar.properties.isWhitespace {
            if scalar == "." || scalar == "," {
                characters.append(Character(scalar))
            } else if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue, (0...9).contains(value) {
                characters.append(Character(String(Int(value))))
            } else {
                return nil
            }
        }
        let marks = characters.filter { $0 == "." || $0 == "," }
        guard characters.contains(where: { $0 != "." && $0 != "," }) else { return nil }
        if marks.isEmpty { return (String(characters), .none) }
        if marks.count == 1 {
            let kind: Separators = marks == [","] && !decimalComma ? .decimalComma : .none
            return (String(characters.map { $0 == "," ? "." : $0 }), kind)
        }
        // Both kinds: the last mark is the decimal one; one kind repeated: every mark separates thousands.
        let decimalAt = Set(marks).count == 2 ? characters.lastIndex(where: { $0 == "." || $0 == "," }) : nil
        var fixed = ""
        for (index, character) in characters.enumerated() {
            if character != "." && character != "," {
                fixed.append(character)
            } else if index == decimalAt {
                fixed.append(".")
            }
        }
        return (fixed, .thousands)
    }

    private static func codes(_ scalars: [Unicode.Scalar]) -> String {
        var seen: [Unicode.Scalar] = []
        for scalar in scalars where !seen.contains(scalar) { seen.append(scalar) }
        return seen.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: ", ")
    }
}
