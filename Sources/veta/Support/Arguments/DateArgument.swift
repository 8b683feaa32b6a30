import ArgumentParser
import Foundation
import VetaProgress

/// A `--date`/`--as-of` value: a real calendar date written `YYYY-MM-DD`, in the years 1900–2999.
///
/// Anything else (`2026-13-45`, `2026-02-30`, `26-1-1`, an empty string) is a usage error: exit 64.
struct DateArgument: ExpressibleByArgument, Sendable {
    /// The years a date given on the command line may fall in; wide enough for any training record,
    /// narrow enough that date arithmetic on it cannot leave the four-digit years.
    static let years = 1900...2999

    /// The parsed date.
    let date: CalendarDate

    init?(argument: String) {
        guard argument.utf8.count == 10, argument.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }),
            let date = CalendarDate(argument), Self.years.contains(date.year)
        else { return nil }
        self.date = date
    }

    var defaultValueDescription: String { date.description }
}

extension Optional where Wrapped == DateArgument {
    /// The date given, or today on the site's calendar (the store's time zone setting, else the
    /// system's; at `VETA_NOW` when set) when the option was left out.
    func orToday(_ service: ProgressService) async throws -> CalendarDate {
        if let date = self?.date { return date }
        return try await service.today()
    }
}
