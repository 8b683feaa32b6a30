import Foundation

/// What this store holds of another store's chain: the key its bundles are signed with (pinned by
/// the first one imported) and the last of its entries received. `veta serve --sync-store` answers
/// with it, so that `veta sync push` exports only what the centre has not seen.
public struct SyncPartner: Hashable, Sendable, Codable {
    /// The other store's site id.
    public let site: String
    /// The key (base64url) its bundles are signed with, nil before its first bundle.
    public let publicKey: String?
    /// The last of its entries this store holds (0 for none).
    public let through: Int64
}

extension ProgressService {
    /// What this store holds of `site`'s chain (``SyncPartner``); engine-free, read from the receipts.
    public func syncPartner(_ site: String) async throws -> SyncPartner {
        let held = try await receipts().filter { $0.receipt.origin == site }.map(\.receipt)
        return SyncPartner(site: site, publicKey: held.first?.publicKey, through: held.map(\.last).max() ?? 0)
    }

    /// The last entry of this store's chain.
    public func syncEnd() async throws -> Int64 {
        try await store.ledgerEnd()
    }

    /// This store's site id and role, refused (``SyncError`` `sync-site`) when it has none.
    public func requiredSiteIdentity() async throws -> SiteIdentity {
        try await requireSite()
    }
}
