import Foundation
import Testing

@testable import VetaServe

/// An endpoint that says which of its methods was called, with what.
private struct EchoEndpoint: SyncEndpoint {
    func status(site: String, proof: String?, path: String) async -> SyncAnswer {
        .json(200, "status \(site) \(proof ?? "-") \(path)")
    }
    func receive(_ bundle: [UInt8]) async -> SyncAnswer { .json(200, "receive \(bundle.count)") }
    func bundle(for site: String, since: Int64?, proof: String?, path: String) async -> SyncAnswer {
        .json(200, "bundle \(site) \(since.map(String.init) ?? "-")")
    }
}

@Suite struct SyncRoutesTests {
    func answer(_ method: String, _ path: String, body: [UInt8] = [], declared: Int? = nil, max: Int = 100) async -> SyncAnswer {
        await SyncRoutes.answer(
            method: method, rawPath: path, proof: "P", declaredLength: declared, maxBytes: max, endpoint: EchoEndpoint(),
            body: { limit in
                if body.count > limit { throw SyncRoutes.BodyTooLarge() }
                return body
            })
    }

    func text(_ answer: SyncAnswer) -> String { String(decoding: answer.body, as: UTF8.self) }

    @Test func eachPathReachesItsEndpoint() async {
        #expect(text(await answer("GET", "/sync/status?site=ZAC-01")) == "status ZAC-01 P /sync/status?site=ZAC-01")
        #expect(text(await answer("GET", "/sync/bundle?for=ZAC-01")) == "bundle ZAC-01 -")
        #expect(text(await answer("GET", "/sync/bundle?for=ZAC-01&since=7")) == "bundle ZAC-01 7")
        #expect(text(await answer("POST", "/sync/bundle", body: [1, 2, 3])) == "receive 3")
    }

    @Test(arguments: [
        ("GET", "/sync/nothing", 404), ("DELETE", "/sync/bundle", 405), ("PUT", "/sync/status?site=A", 405),
        ("GET", "/sync/status", 400), ("GET", "/sync/bundle", 400), ("GET", "/sync/bundle?for=A&since=0", 400),
        ("GET", "/sync/bundle?for=A&since=x", 400), ("GET", "/sync/bundle?for=A&for=B", 400), ("GET", "/sync/bundle?for=A&other=1", 400),
        ("POST", "/sync/bundle?for=A", 400),
    ])
    func badRequestsAreRefusedWithAJSONError(_ method: String, _ path: String, _ status: Int) async throws {
        let reply = await answer(method, path)
        #expect(reply.status == status)
        let document = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
        #expect((document?["error"] as? [String: Any])?["exitCode"] as? Int == 64)
    }

    @Test func aBodyOverTheLimitIsRefusedBeforeTheEndpointSeesIt() async throws {
        for reply in [
            await answer("POST", "/sync/bundle", body: Array(repeating: 0, count: 101)),
            await answer("POST", "/sync/bundle", declared: 1000),
        ] {
            #expect(reply.status == 413)
            let document = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: [String: Any]]
            #expect(document?["error"]?["code"] as? String == "sync-too-large")
            #expect(document?["error"]?["exitCode"] as? Int == 1)
        }
        #expect(text(await answer("POST", "/sync/bundle", body: Array(repeating: 0, count: 100))) == "receive 100")
    }

    @Test func onlySyncPathsAreSyncs() {
        #expect(SyncRoutes.handles("/sync/bundle"))
        #expect(SyncRoutes.handles("/sync/status?site=A"))
        #expect(!SyncRoutes.handles("/syncing/index.html"))
        #expect(!SyncRoutes.handles("/records/sync/x"))
    }
}

@Suite struct SyncAddressTests {
    @Test(arguments: [
        "https://centro.example.mx", "https://centro.example.mx:8443/veta/", "http://localhost:8080", "http://127.0.0.1:1",
        "http://[::1]:8080", "HTTPS://Centro.Example.MX",
    ])
    func acceptedAddresses(_ text: String) throws {
        _ = try SyncAddress(text)
    }

    @Test(arguments: [
        "http://centro.example.mx", "http://10.0.0.5:8080", "ftp://localhost", "centro.example.mx", "https://",
        "https://u:p@centro.example.mx", "https://centro.example.mx/?a=1", "http://localhost.evil.example",
    ])
    func refusedAddresses(_ text: String) {
        #expect(throws: SyncAddressError.self) { try SyncAddress(text) }
    }

    @Test func plainHTTPIsRefusedWithTheReason() {
        do {
            _ = try SyncAddress("http://centro.example.mx:8080")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("plain http:// is refused"))
        }
    }

    @Test func theBaseAndPortAreKept() throws {
        let address = try SyncAddress("https://centro.example.mx:8443/veta/")
        #expect(address.port == 8443 && address.base == "/veta" && address.tls && address.host == "centro.example.mx")
        #expect(try SyncAddress("https://centro.example.mx").port == 443)
        #expect(try SyncAddress("http://[::1]:9").host == "::1")
    }
}
