import PropertyBased
import Testing
import VetaProgress

@testable import veta

/// Typed command-line arguments: every bad value is refused at parsing (exit 64), every good one kept.
@Suite struct ArgumentTests {
    /// Every real date in 1900–2999 is accepted and prints back as given.
    @Test func realCalendarDatesAreAcceptedExactly() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1900...2999), Gen.int(in: 1...12), Gen.int(in: 1...31)) { year, month, day in
            let text = String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
            let real = CalendarDate(year: year, month: month, day: day) != nil
            #expect((DateArgument(argument: text) != nil) == real, "\(text)")
            if real { #expect(DateArgument(argument: text)?.date.description == text) }
        }
    }

    @Test(arguments: [
        "2026-13-45", "2026-02-30", "2026-00-10", "26-01-01", "2026-1-1", "", "0000-01-01", "3000-01-01", "+026-01-01",
        "2026-01-01\n", "２０２６-01-01",
    ])
    func impossibleOrMisspelledDatesAreRefused(_ text: String) {
        #expect(DateArgument(argument: text) == nil)
    }

    /// Hours in (0, 24] written as plain decimals are kept to the minute.
    @Test func hoursInRangeAreKeptToTheMinute() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...(24 * 60))) { minutes in
            let text = String(Double(minutes) / 60)
            #expect(HoursArgument(argument: text)?.minutes == minutes, "\(text)")
        }
    }

    @Test(arguments: ["inf", "-inf", "nan", "1e300", "1e1", "-0", "0", "0.0", "-1", "24.01", "25", "0x10", "", ".", "1.2.3", "0.001", " 2"])
    func hoursOutsideTheDomainOrNotPlainDecimalsAreRefused(_ text: String) {
        #expect(HoursArgument(argument: text) == nil)
    }

    /// Days and weeks up to ten years are accepted; anything longer cannot reach date arithmetic.
    @Test func durationsAreBoundedSoDateArithmeticCannotOverflow() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...99_999)) { count in
            #expect(DurationArgument(argument: "\(count)d")?.days == (count <= DurationArgument.maximumDays ? count : nil))
            #expect(DurationArgument(argument: "\(count)w")?.days == (count * 7 <= DurationArgument.maximumDays ? count * 7 : nil))
            if let days = DurationArgument(argument: "\(count)")?.days, let today = CalendarDate(year: 2999, month: 12, day: 31) {
                #expect(today.adding(days: days) >= today)
            }
        }
        #expect(DurationArgument(argument: "1067519911673000d") == nil)
        #expect(DurationArgument(argument: "-1d") == nil)
        #expect(DurationArgument(argument: "d") == nil)
    }

    @Test func curriculumTargetsFollowTheSchemaCodeAndVersion() {
        #expect(CurriculumTarget(argument: "VTOPHT")?.description == "VTOPHT")
        #expect(CurriculumTarget(argument: "VTOPHT@1.10.0")?.reference?.version.minor == 10)
        for bad in [
            "", "@1.0.0", "vtopht", "VTOPHT@", "VTOPHT@1.0", "VTOPHT@01.0.0", "VTOPHT@1.0.0.0", "VTOPHT@1234567.0.0",
            "ABCDEFGHIJKLM", "../x", "VTOPHT@1.0.0@2",
        ] {
            #expect(CurriculumTarget(argument: bad) == nil, "\(bad)")
        }
    }

    @Test func evidenceTargetsFollowTheSchemaForms() {
        for good in ["unit", "element:1", "element:99", "criterion:1.1", "criterion:12.34", "knowledge:K1", "knowledge:a_b-c"] {
            #expect(EvidenceTargetArgument(argument: good)?.target.description == good)
        }
        for bad in [
            "", "units", "element:0", "element:100", "element:-1", "criterion:1", "criterion:0.1", "criterion:1.2.3",
            "knowledge:", "knowledge:-K", "knowledge:../x", "knowledge:" + String(repeating: "K", count: 17), "chapter:1",
        ] {
            #expect(EvidenceTargetArgument(argument: bad) == nil, "\(bad)")
        }
    }

    @Test func methodsAndOutcomesListEveryAllowedValue() {
        #expect(MethodArgument.allValueStrings == EvidenceMethod.allCases.map(\.rawValue))
        #expect(MethodArgument(argument: "nonsense") == nil)
        #expect(MethodArgument(argument: "credit-transfer")?.method == .creditTransfer)
        #expect(OutcomeArgument.allValueStrings == ["satisfactory", "not-yet"])
        #expect(OutcomeArgument(argument: "maybe") == nil)
    }

    @Test func keyNamesArePlainFileNames() {
        for good in ["A01", "issuer", "a.b-c_d"] { #expect(KeyName(argument: good)?.description == good) }
        for bad in ["", ".", "..", "../x", "a/b", ".hidden", "/abs", "a\nb", "a b", String(repeating: "k", count: 65)] {
            #expect(KeyName(argument: bad) == nil, "\(bad)")
        }
    }

    @Test func idsAreNonEmptyPrintableAndBounded() {
        for good in ["T001", "A01", "empleado 42", "Núñez-7"] { #expect(IdentifierArgument(argument: good)?.description == good) }
        for bad in ["", " ", "\u{00A0}", "T\n001", "T\u{0}1", "T\u{202E}1", String(repeating: "7", count: 65)] {
            #expect(IdentifierArgument(argument: bad) == nil, "\(bad)")
        }
    }

    /// An id typed at the prompt names what the same id in a spreadsheet names: cleaned the same way.
    @Test func idsAreCleanedAsImportCleansThem() {
        let spaces = ["", " ", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{3000}"]  // a tab is a control character: refused
        for before in spaces {
            for after in spaces {
                #expect(IdentifierArgument(argument: before + "T001" + after)?.description == "T001")
            }
        }
        // "Nu" + combining acute + "ñez" is stored composed (NFC), as import stores it.
        #expect(IdentifierArgument(argument: "Nu\u{301}ñez-7")?.description == "Núñez-7")
    }

    @Test func jsonIsRequestedOnlyByAFormatJSONOption() {
        #expect(JSONError.requested(in: ["status", "T001", "--format", "json"]))
        #expect(JSONError.requested(in: ["status", "--format=json"]))
        #expect(!JSONError.requested(in: ["status", "--format", "text", "json"]))
        #expect(!JSONError.requested(in: ["record", "--", "--format", "json"]))
    }
}
