import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

/// A `--known-at` value: an instant `YYYY-MM-DDTHH:MM:SSZ` (UTC) or `YYYY-MM-DDTHH:MM:SS±HH:MM`.
struct InstantArgument: ExpressibleByArgument, Sendable {
    /// The instant.
    let instant: Date

    init?(argument: String) {
        guard let instant = Instant.parse(argument), let year = Int(argument.prefix(4)), DateArgument.years.contains(year)
        else { return nil }
        self.instant = instant
    }
}

/// `--known-at`, shared by the reports that can be asked what the store knew at an instant.
struct KnownAtOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only what the store had recorded by this instant (entries with recordedAt at or before it): YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DDTHH:MM:SS±HH:MM.",
            valueName: "instant"))
    var knownAt: InstantArgument?

    /// The service over `store` as it stood at ``knownAt`` (read-only), or over the whole store.
    func service(_ store: StoreOptions) throws -> ProgressService {
        let service = try store.openService(create: false)
        guard let knownAt else { return service }
        return ProgressService(store: KnownAtStore(service.store, knownAt: knownAt.instant), validator: service.validator)
    }
}
