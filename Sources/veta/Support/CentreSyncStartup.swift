import Foundation
import VetaProgress
import VetaServe

extension CentreSync {
    /// Refuses, before `veta serve --sync-store` listens, a store that is not a centre's (no site id,
    /// or the role site) and a `--sync-site ID=KEY` whose key differs from the one a bundle of that
    /// site already pinned in the store: otherwise the real site is refused and the holder of the
    /// flag's key could pull as the site.
    /// - Parameters:
    ///   - identity: the store's site identity, nil when `veta sync init` was never run.
    ///   - sites: the `--sync-site` keys (base64url) by site id.
    ///   - pinned: the key (base64url) a store's earlier bundle of the site pinned, nil for none.
    static func startupProblem(identity: SiteIdentity?, sites: [String: String], pinned: (String) async throws -> String?)
        async throws -> SyncError?
    {
        guard let identity else {
            return SyncError(
                .site, "the --sync-store store has no site id: veta serve --sync-store serves a centre's store",
                fix: "run veta sync init --id CENTRE-ID --role centre on that store first, or give the centre's store")
        }
        guard identity.role == .centre else {
            return SyncError(
                .site,
                "the --sync-store store is site \(identity.id)'s (role \(identity.role.rawValue)): "
                    + "veta serve --sync-store serves a centre's store only",
                fix:
                    "give the centre's store (veta sync init --id CENTRE-ID --role centre); a site pushes and pulls with veta sync push/pull"
            )
        }
        for (site, key) in sites.sorted(by: { $0.key < $1.key }) {
            guard let held = try await pinned(site), held != key else { continue }
            return SyncError(
                .key,
                "--sync-site \(site) gives the key \(key), but this store already holds \(site)'s key \(held) from a bundle of \(site) imported before",
                fix: "give --sync-site \(site)=\(site)'s own public key (x \(held)), or ask the committee to confirm the site's new key")
        }
        return nil
    }

    /// Whether `host` is this machine only (localhost, 127.0.0.1, ::1): the rule of ``SyncAddress``
    /// for plain http, applied to `veta serve --sync-store` without TLS.
    static func isLoopback(_ host: String) -> Bool { SyncAddress.isLoopback(host) }
}
