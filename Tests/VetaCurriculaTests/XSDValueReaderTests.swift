import Foundation
import PropertyBased
import Testing

@testable import VetaCurricula

/// Each XSD type's lexical reader accepts every lexical variant of a value (signs, leading
/// zeros, surrounding white space, timezones) and maps it to that value; it refuses what the
/// XSD 1.0 lexical space refuses and never falls back to a default.
@Suite struct XSDValueReaderTests {
    /// One of `values`, uniformly.
    static func pick(_ values: [String]) -> Generator<String, Shrink.Integer<Int>> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    static let whitespace = pick([" ", "\t", "\n", "\r"]).array(of: 0...3).map { $0.joined() }

    // MARK: integers

    @Test func everyLexicalFormOfAWholeNumberReadsAsThatNumber() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...10000), Gen.int(in: 0...2), Gen.int(in: 0...5), Self.whitespace, Self.whitespace
        ) { value, sign, zeros, before, after in
            let signText = ["", "+", value == 0 ? "-" : ""][sign]
            let text = before + signText + String(repeating: "0", count: zeros) + String(value) + after
            #expect(XSDValueReader.integer(text, minimum: 0, maximum: 10000) == .success(value), "\(text.debugDescription)")
        }
    }

    @Test func theIssueExamplePlusTwelveIsTwelve() {
        #expect(XSDValueReader.integer("+12", minimum: 1, maximum: 120) == .success(12))
    }

    @Test func aNegativeNumberIsOutsideNonNegativeAndPositiveTypes() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...Int.max)) { value in
            #expect(XSDValueReader.integer("-\(value)", minimum: 0) == .failure(.outsideType("at least 0")))
            #expect(XSDValueReader.integer("-\(value)", minimum: 1) == .failure(.outsideType("at least 1")))
        }
        #expect(XSDValueReader.integer("-0", minimum: 1) == .failure(.outsideType("at least 1")))
        #expect(XSDValueReader.integer("+0", minimum: 1) == .failure(.outsideType("at least 1")))
    }

    @Test func aNumberAboveTheTypesMaximumIsOutsideTheType() async {
        await propertyCheck(count: 100, input: Gen.int(in: 121...Int.max)) { value in
            #expect(XSDValueReader.integer(String(value), minimum: 1, maximum: 120) == .failure(.outsideType("at most 120")))
        }
        #expect(XSDValueReader.integer("99999999999999999999", minimum: 1, maximum: 120) == .failure(.outsideType("at most 120")))
    }

    @Test func aNumberBeyondSixtyFourBitsIsTooLargeNotAFallback() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...40), Gen.int(in: 0...3)) { extraDigits, zeros in
            let text = String(repeating: "0", count: zeros) + String(Int.max) + String(repeating: "7", count: extraDigits)
            #expect(XSDValueReader.integer(text, minimum: 0) == .failure(.tooLarge))
        }
        #expect(XSDValueReader.integer("9223372036854775808", minimum: 0) == .failure(.tooLarge))
        #expect(XSDValueReader.integer("9223372036854775807", minimum: 0) == .success(Int.max))
    }

    @Test(arguments: ["", " ", "+", "-", "+-1", "1 2", "1.0", "1e3", "0x10", "١٢", "12a", "\u{A0}12", "++1"])
    func textOutsideTheIntegerLexicalSpaceIsRefused(_ text: String) {
        #expect(XSDValueReader.integer(text, minimum: 0) == .failure(.notInLexicalSpace))
    }

    // MARK: booleans

    @Test func everyLexicalFormOfABooleanReadsAsThatBoolean() async {
        await propertyCheck(count: 100, input: Self.pick(["true", "false", "1", "0"]), Self.whitespace, Self.whitespace) {
            word, before, after in
            let expected = word == "true" || word == "1"
            #expect(XSDValueReader.boolean(before + word + after) == .success(expected))
        }
    }

    @Test func anyOtherCaseOrSpellingOfABooleanIsRefused() async {
        let letters = Self.pick(["true", "false"])
        await propertyCheck(count: 100, input: letters, Gen.bool.array(of: 5)) { word, upper in
            let mixed = String(word.enumerated().map { upper[$0.offset % 5] ? Character($0.element.uppercased()) : $0.element })
            guard mixed != word else { return }
            #expect(XSDValueReader.boolean(mixed) == .failure(.notInLexicalSpace), "\(mixed)")
        }
        for text in ["yes", "no", "", "t", "01", "2", "-1"] {
            #expect(XSDValueReader.boolean(text) == .failure(.notInLexicalSpace), "\(text)")
        }
    }

    // MARK: dates

    static let timezone = Gen.int(in: -840...840).optional(valueRate: 0.7)

    @Test func everyLexicalFormOfADateReadsAsThatDate() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: -99999...99999), Gen.int(in: 1...12), Gen.int(in: 1...31), Self.timezone, Self.whitespace,
            Self.whitespace
        ) { year, month, day, offset, before, after in
            guard let date = XSDDate(year: year, month: month, day: day, timezoneOffsetMinutes: offset) else { return }
            // Every way of writing the offset: Z, +00:00 and -00:00 for UTC.
            var zones = [date.description]
            if offset == 0 { zones += [date.dateText + "+00:00", date.dateText + "-00:00"] }
            for text in zones {
                #expect(XSDValueReader.date(before + text + after) == .success(date), "\(text.debugDescription)")
            }
        }
    }

    @Test func aDateThatDoesNotExistIsRefused() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...9999), Gen.int(in: 1...12)) { year, month in
            let last = XSDDate.lastDay(month: month, year: year)
            let text = String(format: "%04d-%02d-%02d", year, month, last + 1)
            #expect(XSDValueReader.date(text) == .failure(.notInLexicalSpace), "\(text)")
        }
        #expect(XSDValueReader.date("2024-02-29") == .success(XSDDate(year: 2024, month: 2, day: 29)!))
        #expect(XSDValueReader.date("1900-02-29") == .failure(.notInLexicalSpace))
        #expect(XSDValueReader.date("-0004-02-29") == .success(XSDDate(year: -4, month: 2, day: 29)!))
    }

    @Test(arguments: [
        "+2024-03-01", "0000-01-01", "-0000-01-01", "02024-01-01", "024-01-01", "2024-3-01", "2024-03-1", "2024-13-01",
        "2024-00-10", "2024-03-01z", "2024-03-01+14:01", "2024-03-01+15:00", "2024-03-01+13:60", "2024-03-01+5:00",
        "2024-03-01+0500", "2024-03-01T00:00:00", "2024-03-01 Z", "2024 -03-01", "", "2024-03-01+", "2024-03-01Z ",
    ])
    func textOutsideTheDateLexicalSpaceIsRefused(_ text: String) {
        // "2024-03-01Z " is legal (trailing white space collapses): checked separately below.
        guard text != "2024-03-01Z " else {
            #expect(XSDValueReader.date(text) == .success(XSDDate(year: 2024, month: 3, day: 1, timezoneOffsetMinutes: 0)!))
            return
        }
        #expect(XSDValueReader.date(text) == .failure(.notInLexicalSpace), "\(text)")
    }

    @Test func aYearBeyondSixtyFourBitsIsTooLarge() {
        #expect(XSDValueReader.date("99999999999999999999-01-01") == .failure(.tooLarge))
    }

    @Test func aDateEncodesAsItsCanonicalTextAndDecodesBack() throws {
        let cases = [
            ("2024-03-01", "2024-03-01"), ("2024-03-01+00:00", "2024-03-01Z"), ("2024-03-01-06:00", "2024-03-01-06:00"),
            ("12024-01-01", "12024-01-01"), ("-0044-03-15", "-0044-03-15"), ("0001-01-01+14:00", "0001-01-01+14:00"),
        ]
        for (text, canonical) in cases {
            let date = try XSDValueReader.date(text).get()
            #expect(date.description == canonical)
            #expect(try XSDValueReader.date(date.description).get() == date)
        }
    }

    // MARK: tokens and strings

    @Test func tokensCollapseWhiteSpace() async {
        let word = Self.pick(["a", "Zona", "ñandú", "1.2", "x/y"])
        await propertyCheck(count: 100, input: word.array(of: 1...4), Self.whitespace, Self.whitespace, Gen.int(in: 1...3)) {
            words, before, after, gap in
            let spaced = before + words.joined(separator: String(repeating: "\t ", count: gap)) + after
            #expect(XSDValueReader.collapse(spaced) == words.joined(separator: " "))
        }
    }

    @Test(arguments: [
        (XSDValueReader.Pattern.code, ["RIIWHS201E", "A", "ABCDEFGHIJ12"], ["", "riiwhs201e", " A", "ABCDEFGHIJ123", "A-1"]),
        (.identifier, ["K1", "a_b-c", "Z123456789012345"], ["", "_K1", "K 1", "Z1234567890123456", "K1 "]),
        (.criterionNumber, ["1.1", "12.34", "9.90"], ["0.1", "1.0", "1", "1.1.1", "123.1", " 1.1", "1.01"]),
        (.scian, ["21", "212", "212311"], ["2", "2123111", "21a", " 21"]),
        (.sinco, ["8111"], ["811", "81111", "811a"]),
        (.referenceCode, ["NOM-023-STPS-2012", "EC1388.01", "a"], ["", "-NOM", ".EC", "EC 1388", String(repeating: "A", count: 41)]),
        (.clause, ["5", "5.2.1", "10.03"], ["", ".5", "5.", "5..2", "5a", " 5"]),
    ])
    func patternedStringsMatchTheWholePatternAsWritten(_ pattern: XSDValueReader.Pattern, _ valid: [String], _ invalid: [String]) {
        for text in valid { #expect(XSDValueReader.string(text, matching: pattern) == .success(text), "\(text)") }
        for text in invalid { #expect(XSDValueReader.string(text, matching: pattern) == .failure(.notInLexicalSpace), "\(text)") }
    }

    @Test func enumerationsAndPatternsKeepTheirTextAsWritten() {
        #expect(XSDValueReader.enumeration("operator", Level.init(rawValue:)) == .success(.operator))
        #expect(XSDValueReader.enumeration(" operator", Level.init(rawValue:)) == .failure(.notInLexicalSpace))
        #expect(XSDValueReader.semanticVersion("1.20.300") == .success(SemanticVersion(major: 1, minor: 20, patch: 300)))
        for text in ["+1.0.0", "01.0.0", "1.0", "1.0.0 ", "1.0.1234567", "1..0"] {
            #expect(XSDValueReader.semanticVersion(text) == .failure(.notInLexicalSpace), "\(text)")
        }
    }
}
