import VetaCurricula

/// Whether a store is a mine site's or the centre's: which entries `veta sync import` applies.
public enum SiteRole: String, Hashable, Sendable, Codable, CaseIterable {
    /// A mine site: records progress, takes curricula, identities and authorisations from the centre.
    case site
    /// The centre: takes every site's log, sends curricula, identities and authorisations down.
    case centre
}

/// A store's site id and role, recorded in its log as ``StoreSetting/siteID`` and ``StoreSetting/siteRole``
/// setting entries (`veta sync init`), so they are part of the chain.
public struct SiteIdentity: Hashable, Sendable, Codable {
    /// The site id, e.g. `ZAC-01`: 1–32 characters, capital letters, digits and `-`, starting with a letter or digit.
    public let id: String
    /// The role.
    public let role: SiteRole

    /// Creates an identity.
    public init(id: String, role: SiteRole) {
        self.id = id
        self.role = role
    }

    /// Why `text` is not a site id, or nil when it is one.
    public static func problem(_ text: String) -> String? {
        let allowed = text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard (1...32).contains(text.count), allowed, text.first != "-" else {
            return "a site id is 1-32 capital letters, digits and '-', starting with a letter or digit (e.g. ZAC-01); got '\(text)'"
        }
        return nil
    }
}

extension ProgressService {
    /// The store's site id and role, or nil when `veta sync init` was never run on it.
    public func siteIdentity() async throws -> SiteIdentity? {
        guard let id = try await store.setting(.siteID) else { return nil }
        let role = try await store.setting(.siteRole).flatMap(SiteRole.init(rawValue:)) ?? .site
        return SiteIdentity(id: id, role: role)
    }

    /// Records the store's site id and role in its log. Giving the same id and role again changes
    /// nothing (returns false); another id or role is refused: the id names the chain wherever it
    /// travels, and the role decides what the store applies from other stores' bundles.
    public func initialiseSite(_ identity: SiteIdentity, on date: CalendarDate) async throws -> Bool {
        if let problem = SiteIdentity.problem(identity.id) { throw Refusal(problem) }
        if let current = try await siteIdentity() {
            guard current.id == identity.id else {
                throw SyncError(
                    .site, "this store is already site \(current.id); a site id never changes (its chain is known by it elsewhere)",
                    fix: "keep \(current.id), or start a new store for another site")
            }
            guard current.role == identity.role else {
                // The role decides which entries the store applies from the others' bundles: a chain in use keeps it.
                throw SyncError(
                    .site, "this store is already \(current.id) with the role \(current.role.rawValue); a role never changes once set",
                    fix: "keep --role \(current.role.rawValue), or start a new store for a \(identity.role.rawValue)")
            }
            return false
        }
        try await store.set(.siteID, to: identity.id, reason: "veta sync init", on: date)
        try await store.set(.siteRole, to: identity.role.rawValue, reason: "veta sync init", on: date)
        return true
    }

    /// The site identity, or a ``SyncError`` saying how to give the store one.
    func requireSite() async throws -> SiteIdentity {
        guard let identity = try await siteIdentity() else {
            throw SyncError(
                .site, "this store has no site id", fix: "run veta sync init --id SITE-ID --role site (or --role centre) first")
        }
        return identity
    }
}
