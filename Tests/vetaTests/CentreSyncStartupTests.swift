import Testing
import VetaProgress

@testable import veta

/// What `veta serve --sync-store` refuses before it listens: a store that is not a centre's, and a
/// `--sync-site` key that differs from the key the store already pinned for that site.
@Suite struct CentreSyncStartupTests {
    let centre = SiteIdentity(id: "CENTRO", role: .centre)
    let pinnedKey = SigningKey().publicKey.base64URL
    let otherKey = SigningKey().publicKey.base64URL

    @Test func aStoreWithoutASiteIdIsRefusedWithTheFix() async throws {
        let problem = try await CentreSync.startupProblem(identity: nil, sites: [:], pinned: { _ in nil })
        #expect(problem?.code == .site)
        #expect(problem?.fix.contains("--role centre") == true)
    }

    @Test func aSiteStoreIsRefused() async throws {
        let problem = try await CentreSync.startupProblem(
            identity: SiteIdentity(id: "ZAC-01", role: .site), sites: [:], pinned: { _ in nil })
        #expect(problem?.code == .site)
        #expect(problem?.message.contains("ZAC-01") == true && problem?.fix.contains("--role centre") == true)
    }

    @Test func aFlagKeyThatDiffersFromThePinnedOneIsRefusedNamingBoth() async throws {
        let pinned = pinnedKey
        let problem = try await CentreSync.startupProblem(
            identity: centre, sites: ["ZAC-01": otherKey], pinned: { $0 == "ZAC-01" ? pinned : nil })
        #expect(problem?.code == .key)
        #expect(problem?.message.contains(pinnedKey) == true && problem?.message.contains(otherKey) == true)
        #expect(problem?.message.contains("ZAC-01") == true)
    }

    @Test func theSameKeyOrANewSiteIsAccepted() async throws {
        let pinned = pinnedKey
        let lookup: (String) async throws -> String? = { $0 == "ZAC-01" ? pinned : nil }
        #expect(try await CentreSync.startupProblem(identity: centre, sites: ["ZAC-01": pinnedKey], pinned: lookup) == nil)
        #expect(try await CentreSync.startupProblem(identity: centre, sites: ["ZAC-02": otherKey], pinned: lookup) == nil)
        #expect(try await CentreSync.startupProblem(identity: centre, sites: [:], pinned: lookup) == nil)
    }
}
