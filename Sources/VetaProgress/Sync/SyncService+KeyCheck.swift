import Foundation

extension ProgressService {
    /// Throws ``SyncError`` `sync-key` when `key` is not the key this store's bundles were signed with
    /// before, as another store pinned it: that store's receipts of this store's bundles (copied
    /// here with its entries) name the key. A bundle signed with another key would be refused there
    /// (`sync-key`); `veta sync export` says so before writing it. Nothing is checked while no
    /// receipt of this store's bundles has come back.
    func requireKnownSigningKey(_ key: SigningKey, site: String) async throws {
        guard let pinned = try await syncPartner(site).publicKey else { return }
        let given = key.publicKey.base64URL
        guard pinned == given else {
            throw SyncError(
                .key,
                "the key given (public key \(given)) is not the key site \(site) signed its bundles with before "
                    + "(public key \(pinned), pinned by the store that received them): its bundle would be refused there",
                fix: "export with the key \(site) always used (its private.jwk); a new key for the site needs the committee to confirm it at the centre")
        }
    }
}
