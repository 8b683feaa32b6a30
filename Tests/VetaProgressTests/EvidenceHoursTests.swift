import Testing

@testable import VetaProgress

/// Hours of one evidence entry: a plain decimal more than 0 and at most 24 that rounds to at least
/// one minute; a refusal echoes the text as written and gives a fix that is right.
@Suite struct EvidenceHoursTests {
    static func refusal(_ text: String, decimalComma: Bool = true) -> String {
        do {
            _ = try EvidenceHours(text, decimalComma: decimalComma, commaAdvice: "read only in ;-separated files")
            return "accepted"
        } catch {
            return error.summary
        }
    }

    @Test(arguments: [
        ("0", "hours '0' is not more than 0"),
        ("0,00000000000000000000001", "is less than one minute"),
        ("24,0001", "hours '24,0001' is more than 24"),
        ("1.234,5", "hours '1.234,5' is not a plain decimal"),
    ])
    func hoursOutsideTheRuleAreRefusedNamingTheTextAsWritten(_ text: String, _ words: String) {
        #expect(Self.refusal(text).contains(words), "\(Self.refusal(text))")
    }

    @Test func thousandsSeparatorsAreNamedAndTheFixHasNone() {
        let message = Self.refusal("1.234,5")
        #expect(message.contains("write no thousands separators"))
        #expect(message.contains("read as 1234.5 it is more than 24"))
        #expect(!message.contains("1.234.5"))
    }

    @Test func aNoBreakSpaceIsEchoedAsWrittenAndNamed() {
        let message = Self.refusal("1\u{00A0},5")
        #expect(message.hasPrefix("hours '1\u{00A0},5'"))
        #expect(message.contains("U+00A0"))
        #expect(message.hasSuffix("write 1.5"))
    }

    @Test func fullwidthDigitsAreEchoedAsWrittenWithTheASCIIFix() {
        let message = Self.refusal("\u{FF11},\u{FF15}")
        #expect(message.hasPrefix("hours '\u{FF11},\u{FF15}'"))
        #expect(message.contains("digits other than 0-9"))
        #expect(message.hasSuffix("write 1.5"))
    }

    @Test func aDecimalCommaIsReadOnlyWhereAllowed() throws {
        #expect(try EvidenceHours("1,5", decimalComma: true).minutes == 90)
        #expect(
            Self.refusal("1,5", decimalComma: false)
                == "hours '1,5' has a decimal comma, which is read only in ;-separated files: write 1.5")
    }

    @Test func everyWholeMinuteUpToOneDayIsKept() throws {
        for minutes in [1, 59, 90, 1439, 1440] {
            let text = String(Double(minutes) / 60)
            #expect(try EvidenceHours(text).minutes == minutes, "\(text)")
        }
    }
}
