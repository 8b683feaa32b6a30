import VetaProgress

/// Prints a registry listing (`org list`, `assessor list`, `issuer list`): the JSON array with
/// `--format json`; else one line per item, or `none` (what to run) when there is none.
func printListing<Item: Encodable>(_ items: [Item], format: ListingFormat, none: String, line: (Item) -> String) throws {
    if format == .json { return try printJSON(items) }
    if items.isEmpty { Terminal.out(none + "\n") }
    for item in items { Terminal.out(line(item) + "\n") }
}

extension RegistryHistory {
    /// The history of `subject` (registered by `kind` entries, amended as `of`) as `store`'s log holds it.
    static func read(
        _ subject: String, registeredBy kind: LedgerEntry.Kind, amendedAs of: String, from store: any ProgressStore
    ) async throws -> RegistryHistory {
        RegistryHistory(
            of: subject, registeredBy: kind, amendedAs: of, in: try await store.entries(ofKinds: [kind, .amendment], about: subject))
    }

    /// Prints ``lines`` (`org show`, `assessor show`).
    func print() {
        for line in lines { Terminal.out(line + "\n") }
    }
}
