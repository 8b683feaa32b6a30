import ArgumentParser

/// A `--within` value: a number of days (`30d` or `30`) or weeks (`12w`), from 0 to ``maximumDays``.
///
/// Bounded so that adding it to any date stays a valid date; anything else is a usage error: exit 64.
struct DurationArgument: ExpressibleByArgument, Sendable {
    /// Ten years: far beyond any validity period, and small enough for date arithmetic.
    static let maximumDays = 3650

    /// The length in days.
    let days: Int

    init(days: Int) { self.days = days }

    init?(argument: String) {
        var digits = Substring(argument)
        var factor = 1
        if digits.hasSuffix("d") {
            digits = digits.dropLast()
        } else if digits.hasSuffix("w") {
            digits = digits.dropLast()
            factor = 7
        }
        guard (1...5).contains(digits.utf8.count), digits.utf8.allSatisfy({ (48...57).contains($0) }), let count = Int(digits),
            count * factor <= Self.maximumDays
        else { return nil }
        days = count * factor
    }

    var defaultValueDescription: String { "\(days)d" }
}
