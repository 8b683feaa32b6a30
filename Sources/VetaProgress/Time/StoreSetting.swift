/// A setting of the store: a value that changes what the store's records mean (so it is a log entry,
/// ``LedgerEntry/Kind/setting``), read back from the log itself; there is no table to rebuild.
public enum StoreSetting: String, Hashable, Sendable, CaseIterable {
    /// The site's IANA time zone (``SiteClock``): which calendar day "today" is.
    case timeZone
    /// The store's site id (``SiteIdentity``): whose chain this is when its entries travel to another store.
    case siteID
    /// Whether the store is a mine site's or the centre's (``SiteRole``): which entries sync applies.
    case siteRole
}

extension ProgressStore {
    /// The setting as the newest ``LedgerEntry/Kind/setting`` entry about it left it (for stores
    /// without a faster way to find it).
    public func setting(_ name: StoreSetting) async throws -> String? {
        try await entries(ofKinds: [.setting]).last { $0.registry?.subject == name.rawValue }?.registry?.fields["value"]
    }

    /// Refused: this store keeps no settings.
    public func set(_ name: StoreSetting, to value: String, reason: String?, on date: CalendarDate) async throws {
        throw Refusal("this store cannot keep the setting \(name.rawValue)")
    }
}
