import Foundation
public import VetaProgress

extension RecordStore {
    /// Retires the issuer's `n`th key (1-based, `DID#key-n`) as compromised since `since`: an issuer
    /// amendment entry of the log whose fields add the key to `compromisedKeys` (``KeyCompromise``),
    /// saying why. It is refused unless the issuer is registered, has an `n`th key that is not its
    /// current one (rotate first: a retired key must never be the only one that signs) and not retired
    /// already; the store's amendment refuses, inside its write transaction, fields equal to those it
    /// holds, so two racing retirements of one key append one entry.
    ///
    /// - Returns: the compromise recorded and the key's id (`DID#key-n`).
    public func retireKey(of id: String, keyNumber n: Int, since: CalendarDate, reason: String) async throws -> (
        compromise: KeyCompromise, keyID: String
    ) {
        let reason = try CleanText.clean(reason, field: "reason")
        guard !reason.isEmpty else { throw Refusal("retiring a key needs a reason (--reason)") }
        guard var issuer = try await issuer(id) else {
            throw Refusal("issuer \(id) is not registered (veta issuer add)")
        }
        let keys = issuer.keys
        guard keys.indices.contains(n - 1) else {
            throw Refusal(
                "issuer \(id) has no key-\(n): its keys are key-1"
                    + (keys.count > 1 ? " to key-\(keys.count)" : "") + "")
        }
        let key = keys[n - 1]
        let kid = DIDWeb.keyID(did: issuer.did, n: n)
        guard n != keys.count else {
            throw Refusal(
                "\(kid) is issuer \(id)'s current key: rotate to a new key first (veta issuer rotate-key), then retire this one",
                reasons: ["a retired key signs nothing, so the issuer would be left without a key that signs"])
        }
        if let earlier = issuer.compromise(of: key) {
            throw Refusal("\(kid) is already retired as compromised since \(earlier.since): nothing to retire")
        }
        let compromise = KeyCompromise(key: key.base64URL, since: since, reason: reason)
        issuer.compromisedKeys.append(compromise)
        // The store appends the amendment inside its write transaction, refusing it when the issuer's
        // fields there already equal these (a racing retirement of the same key, or a rotation, got there first).
        try await store.amendIssuer(id, fields: issuer.registryFields, reason: "key-\(n) compromised since \(since): \(reason)")
        return (compromise, kid)
    }
}
