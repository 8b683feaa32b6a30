import ArgumentParser
import Foundation
import VetaProgress

extension StoreCommand {
    struct SetTimeZone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-timezone",
            abstract: "Set the site's time zone: which calendar day \"today\" is for every command (a log entry).",
            discussion: """
                "Today" (the default date of record, signoff, enrol, status, due, verify...) is the date
                on the site's calendar, never the UTC date. Without this setting it is the system's
                time zone (TZ). The zone must be an IANA name (America/Mexico_City, America/Monterrey,
                UTC); abbreviations and offsets are refused. Stored instants stay UTC. The change is an
                entry of the log (kind setting), so the store's history says since when dates mean what.

                Examples:
                  veta store set-timezone America/Mexico_City
                  veta store set-timezone America/Hermosillo --reason "site moved to Sonora"
                """)

        @Argument(help: ArgumentHelp("An IANA time zone, e.g. America/Mexico_City.", valueName: "zone")) var zone: String
        @Option(help: "Why it changes.") var reason: String?
        @OptionGroup var store: StoreOptions

        /// Anything but an IANA zone name is a usage error (exit 64) naming the fix.
        func validate() throws {
            do {
                _ = try SiteClock.timeZone(named: zone)
            } catch let error as SettingError {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            try await runReporting {
                let changed = try await store.openService(create: true).setTimeZone(zone, reason: reason)
                Terminal.out(changed ? "time zone set to \(zone)\n" : "time zone is already \(zone)\n")
            }
        }
    }

    struct ShowTimeZone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "timezone",
            abstract: "Show the site's time zone and today's date on its calendar.",
            discussion: """
                Example:
                  veta store timezone --format json
                """)

        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        struct Report: Encodable {
            let timeZone: String
            let source: String
            let today: String
            let now: String
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let service = try store.openService(create: false)
                let setting = try await service.store.setting(.timeZone)
                let clock = try await service.clock()
                let report = Report(
                    timeZone: setting ?? clock.timeZone.identifier, source: setting == nil ? "system" : "store",
                    today: try clock.today.description,
                    now: Instant.utcText(clock.now))
                if format == .json { return try printJSON(report) }
                Terminal.out("\(report.timeZone) (\(report.source == "store" ? "store setting" : "the system's: no store setting"))\n")
                Terminal.out("today \(report.today) (now \(report.now))\n")
            }
        }
    }
}
