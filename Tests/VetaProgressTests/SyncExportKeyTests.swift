import Foundation
import Testing

@testable import VetaProgress

/// `veta sync export --key` at a site refuses a key that is not the one the centre pinned for the
/// site (its receipts of the site's bundles came back with the centre's entries): such a bundle
/// would be refused at the centre. Before any receipt comes back, any key is taken.
@Suite struct SyncExportKeyTests {
    typealias Cluster = SyncTests.Cluster

    @Test(arguments: Engine.all) func aSiteExportsOnlyWithTheKeyTheCentrePinned(engine: Engine) async throws {
        let cluster = try await Cluster.make(engine: engine)
        let site = cluster.sites[0]
        _ = try await site.exportBundle(key: SigningKey(), for: "CENTRO", since: nil)  // nothing pinned yet
        _ = try await cluster.centre.service.importBundle(try await cluster.up(0), name: "up")
        let (down, _) = try await cluster.centre.service.exportBundle(key: cluster.centreKey, for: "ZAC-01", since: nil)
        _ = try await site.importBundle(down, name: "down")
        let before = try await site.store.ledgerEnd()
        let error = await #expect(throws: SyncError.self) { try await site.exportBundle(key: SigningKey(), for: "CENTRO", since: nil) }
        #expect(error?.code == .key && error?.message.contains(cluster.keys[0].publicKey.base64URL) == true, "\(String(describing: error))")
        #expect(try await site.store.ledgerEnd() == before)
        let bundle = try await cluster.up(0)
        _ = try await cluster.centre.service.importBundle(bundle, name: "up again")
    }
}
