import Testing
import VetaProgress

@testable import VetaAudit

/// Working days skip Mexico's statutory rest days (LFT art. 74) and a policy's holidays.
@Suite struct MexicanRestDaysTests {
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

    @Test(arguments: [
        (2026, ["2026-01-01", "2026-02-02", "2026-03-16", "2026-05-01", "2026-09-16", "2026-11-16", "2026-12-25"]),
        (2027, ["2027-01-01", "2027-02-01", "2027-03-15", "2027-05-01", "2027-09-16", "2027-11-15", "2027-12-25"]),
        (2030, ["2030-01-01", "2030-02-04", "2030-03-18", "2030-05-01", "2030-09-16", "2030-10-01", "2030-11-18", "2030-12-25"]),
        (2018, ["2018-01-01", "2018-02-05", "2018-03-19", "2018-05-01", "2018-09-16", "2018-11-19", "2018-12-01", "2018-12-25"]),
        (2005, ["2005-01-01", "2005-02-05", "2005-03-21", "2005-05-01", "2005-09-16", "2005-11-20", "2005-12-25"]),
    ])
    func theRestDaysOfAYearAreThoseOfArticle74(_ year: Int, _ expected: [String]) throws {
        #expect(MexicanRestDays.days(in: year).map(\.description) == expected)
    }

    /// Property: every rest day of 1990–2100 given by a Monday rule is a Monday, and every count of
    /// working days equals the days that are neither weekend, rest day nor policy holiday.
    @Test func mondayRulesGiveMondaysAndWorkingDaysSkipEveryRestDay() throws {
        for year in 2006...2100 {
            for (nth, month) in [(1, 2), (3, 3), (3, 11)] {
                let day = try #require(MexicanRestDays.monday(nth, of: month, in: year))
                #expect(MexicanRestDays.weekday(day) == 0 && (nth - 1) * 7 < day.day && day.day <= nth * 7)
            }
        }
        let holiday = try Self.date("2026-11-18")
        let start = try Self.date("2026-10-20")
        for length in 0..<80 {
            let end = start.adding(days: length)
            var expected = 0
            var day = start
            while day < end {
                day = day.adding(days: 1)
                if MexicanRestDays.weekday(day) < 5 && !MexicanRestDays.contains(day) && day != holiday { expected += 1 }
            }
            #expect(WorkingDays.between(start, end, holidays: [holiday]) == expected)
        }
    }

    @Test func twentyWorkingDaysFromTheEndOfOctober2026SkipTheRevolutionHoliday() throws {
        // 2026-10-30 (Friday) + 20 working days: November has the third-Monday holiday (16th).
        #expect(WorkingDays.between(try Self.date("2026-10-30"), try Self.date("2026-11-27")) == 19)
        #expect(WorkingDays.between(try Self.date("2026-10-30"), try Self.date("2026-11-30")) == 20)
    }

    @Test func aPolicyHolidayIsReadAndSkipped() throws {
        let xml = """
            <auditPolicy xmlns="urn:veta:audit-policy:1"><holiday date="2026-11-18" name="Día de la minería local"/></auditPolicy>
            """
        let policy = try AuditPolicy.read(Array(xml.utf8), path: "policy.xml").get()
        #expect(policy.holidays == [try Self.date("2026-11-18")])
        #expect(
            WorkingDays.between(try Self.date("2026-11-17"), try Self.date("2026-11-19"), holidays: policy.holidays) == 1)
    }
}
