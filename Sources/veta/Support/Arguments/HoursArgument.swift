import ArgumentParser
import VetaProgress

/// An `--hours` value: decimal hours spent on one entry, by the rule ``EvidenceHours`` states for
/// `veta record` and `veta import` alike (a plain decimal more than 0 and at most 24, at least one
/// minute). Anything else is a usage error, exit 64, in the words the import uses.
struct HoursArgument: ExpressibleByArgument, Sendable {
    /// The hours, in whole minutes.
    let minutes: Int

    init?(argument: String) {
        guard let hours = try? EvidenceHours(argument) else { return nil }
        minutes = hours.minutes
    }

    private init(_ hours: EvidenceHours) {
        minutes = hours.minutes
    }

    /// Parses `text`, or says why not (ArgumentParser prints the reason after the value).
    static func parse(_ text: String) throws(Refusal) -> HoursArgument {
        HoursArgument(try EvidenceHours(text))
    }

    /// The help text of `--hours`.
    static let help = ArgumentHelp("Hours spent: \(EvidenceHours.rule).", valueName: "hours")

    var defaultValueDescription: String { String(Double(minutes) / 60) }
}
