import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress
import VetaServe

/// `--ca`, the centre's URL and the site's key: what `veta sync push` and `veta sync pull` share.
struct SyncRemoteOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The centre: https://HOST[:PORT][/PATH] (http:// for localhost only).", valueName: "url"))
    var url: String
    @Option(
        help: ArgumentHelp("The site's Ed25519 private key (a .private.jwk file): it signs the bundle and the requests.", valueName: "file")
    )
    var key: String
    @Option(help: ArgumentHelp("A PEM file of the CA that issued the centre's certificate (a private CA).", valueName: "pem"))
    var ca: String?

    func validate() throws {
        do { _ = try SyncAddress(url) } catch { throw ValidationError(error.description) }
    }

    /// The client for the centre (validate() checked the address).
    func client() throws -> SyncClient {
        SyncClient(address: try SyncAddress(url), caFile: ca)
    }
}

/// A refusal or failure the centre answered, or an answer that cannot be read: its code and exit code.
struct RemoteFailure: Error {
    let code: String
    let exitCode: Int32
    let message: String

    /// The failure a reply stands for, when it is not the expected 200.
    static func of(_ reply: SyncReply, from url: String) -> RemoteFailure {
        struct Document: Decodable {
            struct Detail: Decodable {
                let code: String
                let exitCode: Int32
                let message: String
            }
            let error: Detail
        }
        if reply.contentType?.hasPrefix("application/json") == true,
            let document = try? JSONDecoder().decode(Document.self, from: Data(reply.body))
        {
            let detail = document.error
            // The centre's refusal keeps its code and exit 1; anything else on its side is an I/O failure here.
            let exit: Int32 = detail.exitCode == 1 ? 1 : 2
            return RemoteFailure(
                code: detail.code, exitCode: exit, message: "the centre at \(url) answered \(reply.status): \(detail.message)")
        }
        return unreadable(reply, from: url)
    }

    static func unreadable(_ reply: SyncReply, from url: String) -> RemoteFailure {
        RemoteFailure(
            code: "sync-response", exitCode: 2,
            message:
                "the server at \(url) answered \(reply.status) with no veta sync answer; is it veta serve with --sync-store? nothing was changed here"
        )
    }
}

extension Sync {
    /// Runs `body`, reporting a centre's refusal, a network failure or an unreadable answer with the project's exit codes.
    static func remote(json: Bool, _ body: () async throws -> Void) async throws {
        try await runReporting(json: json) {
            do {
                try await body()
            } catch let failure as RemoteFailure {
                Terminal.err("veta: \(failure.exitCode == 1 ? "refused" : "error"): \(failure.message)\n")
                if json { JSONError(code: failure.code, exitCode: failure.exitCode, message: failure.message).print() }
                throw ExitCode(failure.exitCode)
            } catch let error as ServeError {
                Terminal.err("veta: error: \(error)\n")
                if json { JSONError(code: error.code, exitCode: 2, message: error.description).print() }
                throw ExitCode(2)
            }
        }
    }

    /// What the centre says of this site (`GET /sync/status`).
    static func centreStatus(_ client: SyncClient, site: String, key: SigningKey, url: String) async throws -> SyncStatus {
        let path = "/sync/status?site=\(site)"
        let proof = try SyncProof.make(key: key, site: site, method: "GET", path: client.fullPath(path))
        let reply = try await client.get(path, headers: [SyncRoutes.proofHeader: proof])
        guard reply.status == 200 else { throw RemoteFailure.of(reply, from: url) }
        guard let status = try? JSONDecoder().decode(SyncStatus.self, from: Data(reply.body)) else {
            throw RemoteFailure.unreadable(reply, from: url)
        }
        return status
    }

    struct Push: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "push",
            abstract: "Send the centre, over HTTPS, the entries it has not seen (a bundle, as sync export writes).",
            discussion: """
                Asks the centre (veta serve --sync-store) what it holds of this site's chain, exports the
                rest as a bundle signed with --key and posts it; the centre imports it as veta sync import
                does, with the same refusals and codes (exit 1). Pushing again changes nothing. A network
                failure or an answer that is not the centre's is exit 2; nothing changes here either way.

                Example:
                  veta sync push https://centro.example.mx:8443 --key keys/zac01.private.jwk --ca centre-ca.pem
                """)

        @OptionGroup var remote: SyncRemoteOptions
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        struct Pushed: Encodable {
            let centre: String
            let sent: SyncExportReport
            let result: SyncImportReport
        }

        func run() async throws {
            try await Sync.remote(json: format == .json) {
                let signer = try readPrivateKey(remote.key)
                let service = try store.openService(create: false)
                let me = try await service.requiredSiteIdentity()
                let client = try remote.client()
                let centre = try await Sync.centreStatus(client, site: me.id, key: signer, url: remote.url)
                let end = try await service.syncEnd()
                guard centre.holds <= end else {
                    throw SyncError(
                        .rollback,
                        "this store's chain ends at entry \(end), but the centre \(centre.site) holds its entries through \(centre.holds): this store was rolled back or truncated",
                        fix: "restore this store from the copy that holds entries 1-\(centre.holds), or ask the centre's committee")
                }
                let (bytes, sent) = try await service.exportBundle(key: signer, for: centre.site, since: centre.holds + 1)
                let reply = try await client.post("/sync/bundle", body: bytes, contentType: SyncRoutes.bundleType)
                guard reply.status == 200 else { throw RemoteFailure.of(reply, from: remote.url) }
                guard let result = try? JSONDecoder().decode(SyncImportReport.self, from: Data(reply.body)) else {
                    throw RemoteFailure.unreadable(reply, from: remote.url)
                }
                if format == .json { return try printJSON(Pushed(centre: centre.site, sent: sent, result: result)) }
                guard result.received > 0 else {
                    return Terminal.out(
                        "nothing new for \(centre.site): it holds this site's entries through \(result.through); nothing changed\n")
                }
                Terminal.out(
                    "pushed entries \(sent.first)-\(sent.end) of \(me.id) to \(centre.site): \(result.copied) applied, \(result.conflicts) conflicts (receipt \(result.receipt ?? 0) there)\n"
                )
            }
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Fetch the centre's bundle for this site over HTTPS and import it.",
            discussion: """
                Asks the centre (veta serve --sync-store) for its chain from the entry after the last one
                this store holds, signed with the centre's key, and imports it as veta sync import does:
                verified, idempotent, one write transaction, the same refusals and codes (exit 1).

                Example:
                  veta sync pull https://centro.example.mx:8443 --key keys/zac01.private.jwk --ca centre-ca.pem
                """)

        @OptionGroup var remote: SyncRemoteOptions
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        struct Pulled: Encodable {
            let centre: String
            let result: SyncImportReport
        }

        func run() async throws {
            try await Sync.remote(json: format == .json) {
                let signer = try readPrivateKey(remote.key)
                // A pull writes into a store that has a site id (veta sync init): a missing store is not created.
                if try store.postgresAddress() == nil, !FileManager.default.fileExists(atPath: try store.checkedPath()) {
                    throw StoreError(.storage, "no store at \(store.path): run veta sync init --id SITE-ID first; nothing was created")
                }
                let service = try store.openService(create: true)
                let me = try await service.requiredSiteIdentity()
                let client = try remote.client()
                let centre = try await Sync.centreStatus(client, site: me.id, key: signer, url: remote.url)
                let since = try await service.syncPartner(centre.site).through + 1
                let path = "/sync/bundle?for=\(me.id)&since=\(since)"
                let proof = try SyncProof.make(key: signer, site: me.id, method: "GET", path: client.fullPath(path))
                let reply = try await client.get(path, headers: [SyncRoutes.proofHeader: proof])
                guard reply.status == 200 else { throw RemoteFailure.of(reply, from: remote.url) }
                let result = try await service.importBundle(reply.body, name: "the bundle from \(remote.url)")
                if format == .json { return try printJSON(Pulled(centre: centre.site, result: result)) }
                guard result.received > 0 else {
                    return Terminal.out(
                        "nothing new from \(result.site): its entries through \(result.through) were already imported; nothing changed\n")
                }
                Terminal.out(
                    "pulled \(result.received) entries of \(result.site) (through entry \(result.through)) in receipt \(result.receipt ?? 0): "
                        + "\(result.copied) applied, \(result.conflicts) conflicts\(result.conflicts > 0 ? " (veta sync conflicts)" : "")\n"
                )
            }
        }
    }
}
