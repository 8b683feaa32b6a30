import Foundation
import Testing
import VetaProgress
import VetaServe

@testable import veta

/// The centre's side of sync over HTTPS, without a server: the same import, refusals and codes as
/// `veta sync import`, and a site served only with its key and a proof signed with it.
@Suite struct CentreSyncTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-centre-sync-\(UUID().uuidString)").path
    let centreKey = SigningKey()
    let siteKey = SigningKey()

    func open(_ name: String, _ identity: SiteIdentity) async throws -> ProgressService {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let service = try StoreOptions.parse(["--store", folder + "/" + name + ".sqlite"]).openService(create: true)
        _ = try await service.initialiseSite(identity, on: try await service.today())
        return service
    }

    func document(_ answer: SyncAnswer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [String: Any] ?? [:]
    }

    func errorCode(_ answer: SyncAnswer) -> String? { (document(answer)["error"] as? [String: Any])?["code"] as? String }

    @Test func aSiteIsServedOnlyWithItsKeyAndTheBundleIsImportedOnce() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let centre = try await open("centre", SiteIdentity(id: "CENTRO", role: .centre))
        let site = try await open("site", SiteIdentity(id: "ZAC-01", role: .site))
        let (bytes, _) = try await site.exportBundle(key: siteKey, for: nil, since: nil)

        let unknown = await CentreSync(service: centre, key: centreKey, sites: [:]).receive(bytes)
        #expect(unknown.status == 403 && errorCode(unknown) == "sync-site")
        let otherKey = await CentreSync(service: centre, key: centreKey, sites: ["ZAC-01": SigningKey().publicKey.base64URL]).receive(bytes)
        #expect(otherKey.status == 409 && errorCode(otherKey) == "sync-key")
        #expect(try await centre.syncPartner("ZAC-01").through == 0, "a refusal writes nothing")

        let endpoint = CentreSync(service: centre, key: centreKey, sites: ["ZAC-01": siteKey.publicKey.base64URL])
        var tampered = bytes
        let index = tampered.firstIndex(of: UInt8(ascii: "Z"))!
        tampered[index] = UInt8(ascii: "Y")
        let refused = await endpoint.receive(tampered)
        #expect(refused.status == 422 && errorCode(refused) == "sync-signature")
        #expect((document(refused)["error"] as? [String: Any])?["exitCode"] as? Int == 1)
        let garbage = await endpoint.receive(Array("not a bundle".utf8))
        #expect(garbage.status == 400 && errorCode(garbage) == "sync-format")

        let first = await endpoint.receive(bytes)
        #expect(first.status == 200 && (document(first)["received"] as? Int ?? 0) > 0)
        let again = await endpoint.receive(bytes)
        #expect(again.status == 200 && document(again)["received"] as? Int == 0, "importing twice changes nothing")
        // Pinned now: the same site is served without --sync-site.
        let pinned = await CentreSync(service: centre, key: centreKey, sites: [:]).receive(bytes)
        #expect(pinned.status == 200)
    }

    @Test func requestsCarryAProofOfTheSite() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let centre = try await open("centre", SiteIdentity(id: "CENTRO", role: .centre))
        let site = try await open("site", SiteIdentity(id: "ZAC-01", role: .site))
        let endpoint = CentreSync(service: centre, key: centreKey, sites: ["ZAC-01": siteKey.publicKey.base64URL])
        let path = "/sync/status?site=ZAC-01"

        let none = await endpoint.status(site: "ZAC-01", proof: nil, path: path)
        #expect(none.status == 401 && errorCode(none) == "sync-proof")
        let otherKey = try SyncProof.make(key: SigningKey(), site: "ZAC-01", method: "GET", path: path)
        #expect(await endpoint.status(site: "ZAC-01", proof: otherKey, path: path).status == 401)
        let otherPath = try SyncProof.make(key: siteKey, site: "ZAC-01", method: "GET", path: "/sync/bundle?for=ZAC-01")
        #expect(await endpoint.status(site: "ZAC-01", proof: otherPath, path: path).status == 401)
        let old = try SyncProof.make(key: siteKey, site: "ZAC-01", method: "GET", path: path, now: Date().addingTimeInterval(-600))
        #expect(await endpoint.status(site: "ZAC-01", proof: old, path: path).status == 401)
        let unknown = try SyncProof.make(key: siteKey, site: "ZAC-02", method: "GET", path: "/sync/status?site=ZAC-02")
        #expect(await endpoint.status(site: "ZAC-02", proof: unknown, path: "/sync/status?site=ZAC-02").status == 403)

        let good = await endpoint.status(
            site: "ZAC-01", proof: try SyncProof.make(key: siteKey, site: "ZAC-01", method: "GET", path: path), path: path)
        #expect(good.status == 200)
        #expect(try JSONDecoder().decode(SyncStatus.self, from: Data(good.body)) == SyncStatus(site: "CENTRO", role: "centre", holds: 0))

        // The centre's bundle for the site, signed with the centre's key, imports at the site.
        let bundlePath = "/sync/bundle?for=ZAC-01&since=1"
        let proof = try SyncProof.make(key: siteKey, site: "ZAC-01", method: "GET", path: bundlePath)
        let bundle = await endpoint.bundle(for: "ZAC-01", since: 1, proof: proof, path: bundlePath)
        #expect(bundle.status == 200 && bundle.contentType == SyncRoutes.bundleType)
        let report = try await site.importBundle(bundle.body, name: "pulled")
        #expect(report.site == "CENTRO" && report.received > 0)
        #expect(try SyncBundle(reading: bundle.body, name: "pulled").body.publicKey == centreKey.publicKey.base64URL)
    }

    @Test func refusalsHaveFittingStatuses() {
        #expect(CentreSync.status(of: .format) == 400)
        #expect(CentreSync.status(of: .signature) == 422 && CentreSync.status(of: .chain) == 422)
        #expect([SyncError.Code.key, .rollback, .gap].allSatisfy { CentreSync.status(of: $0) == 409 })
    }
}
