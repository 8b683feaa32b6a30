import ArgumentParser
import Foundation
import VetaProgress
import VetaServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a built site folder over HTTP, or HTTPS with a certificate and key.",
        discussion: """
            For a site office publishing on its own network what `veta site build` wrote. GET and \
            HEAD only; .html as text/html; charset=utf-8, .json (did.json too) as application/json, \
            .jwt as application/jwt, .svg as image/svg+xml, .png as image/png; a folder serves its \
            index.html; a path outside the folder (.., %2e%2e, a symbolic link out) and anything \
            missing is 404, as are .veta-site and a file named with a trailing slash. Prints the URL once it listens (--port 0 picks a free port); stops \
            cleanly on Ctrl-C (SIGINT) or SIGTERM.

            With --format json, stdout gets exactly one JSON document: once it listens, one line
            {"folder": …, "tls": true|false, "url": …}; or, when it cannot start (no site, a bad
            certificate or key, an address it cannot bind; exit 2), {"error": {"code": "VETA-SERVE-…",
            "exitCode": 2, "message": …}}. A failure after the start line is reported on stderr only
            (exit 2); "stopped" goes to stderr.

            Examples:
              veta serve site
              veta serve site --host 0.0.0.0 --port 8443 \\
                --tls-cert site.crt --tls-key site.key
              veta serve site --port 0 --format json    # {"folder":"site","tls":false,"url":"http://127.0.0.1:41234/"}

            A centre also answers `veta sync push` and `veta sync pull` with --sync-store and --sync-key
            (the folder is then optional; README, "Sync over HTTPS"):
              veta serve --sync-store centre.sqlite --sync-key keys/centro.private.jwk \\
                --sync-site ZAC-01=keys/zac01.public.jwk --host 0.0.0.0 --port 8443 \\
                --tls-cert centre.crt --tls-key centre.key
            """)

    @Argument(help: "The site folder (optional with --sync-store).") var folder: String?
    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 8080
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: ArgumentHelp("PEM certificate chain for HTTPS (with --tls-key).", valueName: "pem")) var tlsCert: String?
    @Option(help: ArgumentHelp("PEM private key for HTTPS (with --tls-cert).", valueName: "pem")) var tlsKey: String?
    @Option(help: "Output format: text or json (one JSON line once it listens; a failure before that, one JSON error document).")
    var format: ListingFormat = .text
    @Option(help: ArgumentHelp("Also answer veta sync push and pull with this store (a centre's).", valueName: "path"))
    var syncStore: String?
    @Option(help: ArgumentHelp("The Ed25519 private key that signs the bundles sent (with --sync-store).", valueName: "file"))
    var syncKey: String?
    @Option(help: ArgumentHelp("A site that may sync, and its public key (a file or the key); repeat for each.", valueName: "id=key"))
    var syncSite: [String] = []
    @Option(help: ArgumentHelp("The largest bundle taken, in bytes (default 268435456).", valueName: "bytes"))
    var syncMaxBytes: Int = SyncRoutes.defaultMaxBytes

    func validate() throws {
        guard folder != nil || syncStore != nil else { throw ValidationError("give the site folder, or --sync-store to serve sync only") }
        guard (syncStore == nil) == (syncKey == nil) else { throw ValidationError("--sync-store and --sync-key go together") }
        guard syncStore != nil || syncSite.isEmpty else { throw ValidationError("--sync-site goes with --sync-store") }
        guard syncMaxBytes >= 1 else { throw ValidationError("--sync-max-bytes must be 1 or more") }
        for site in syncSite {
            let parts = site.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { throw ValidationError("--sync-site takes ID=KEY (got \(site))") }
            if let problem = SiteIdentity.problem(parts[0]) { throw ValidationError("--sync-site: \(problem)") }
        }
        if let syncStore {
            do {
                _ = try StoreOptions.parse(["--store", syncStore])
            } catch {
                throw ValidationError(StoreOptions.message(for: error).replacingOccurrences(of: "--store", with: "--sync-store"))
            }
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535 (got \(port))") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        if syncStore != nil, tlsCert == nil, !CentreSync.isLoopback(host) {
            throw ValidationError(
                "--sync-store without --tls-cert and --tls-key serves trainees' personal data in clear; on --host \(host) give --tls-cert and --tls-key (plain http is accepted on localhost, 127.0.0.1 and ::1 only)"
            )
        }
        guard folder?.isEmpty != true else { throw ValidationError("the site folder must not be empty") }
    }

    /// The centre's sync endpoint over --sync-store, refused before listening when the store, the key or a site key is not usable.
    private func centreSync(_ path: String, key: String) async throws -> CentreSync {
        // Opened for writing, never created: a missing store is refused before listening.
        let service = try StoreOptions.parse(["--store", path]).openExistingRecords().progress
        var sites: [String: String] = [:]
        for site in syncSite {
            let parts = site.split(separator: "=", maxSplits: 1).map(String.init)
            guard sites[parts[0]] == nil else { throw Refusal("--sync-site names \(parts[0]) twice") }
            sites[parts[0]] = try publicKeyArgument(parts[1]).base64URL
        }
        let identity = try await service.siteIdentity()
        if let problem = try await CentreSync.startupProblem(
            identity: identity, sites: sites, pinned: { try await service.syncPartner($0).publicKey })
        {
            throw problem
        }
        return CentreSync(service: service, key: try readPrivateKey(key), sites: sites)
    }

    func run() async throws {
        let tls = tlsCert.flatMap { cert in tlsKey.map { (certificate: cert, key: $0) } }
        var sync: (endpoint: any SyncEndpoint, maxBytes: Int)?
        if let syncStore, let syncKey {
            try await runReporting(json: format == .json) { sync = (try await centreSync(syncStore, key: syncKey), syncMaxBytes) }
        }
        let server = SiteServer(root: folder, host: host, port: port, tls: tls, sync: sync)
        let folder = self.folder
        let syncing = sync != nil
        let json = format == .json
        let started = ServeStart()
        do {
            try await server.run { url in
                started.mark()
                if json {
                    Terminal.out(ServeStart.line(folder: folder, url: url, tls: tls != nil, sync: syncing ? true : nil))
                } else {
                    let what = [folder, syncing ? "sync" : nil].compactMap { $0 }.joined(separator: " and ")
                    Terminal.out("serving \(what) at \(url) (Ctrl-C stops)\n")
                }
            }
        } catch let error as ServeError {
            Terminal.err("veta: error: \(error)\n")
            // Under --format json a failure before the start line is the one document; after it, stderr alone says it.
            if json && !started.isMarked { JSONError(code: error.code, exitCode: 2, message: error.description).print() }
            throw ExitCode(2)
        } catch let error as ExitCode {
            throw error
        } catch {
            Terminal.err("veta: error: the server failed: \(error)\n")
            if json && !started.isMarked { JSONError(code: "internal", exitCode: 2, message: "the server failed: \(error)").print() }
            throw ExitCode(2)
        }
        Terminal.err("veta: stopped\n")
    }
}

/// Whether `veta serve` printed its start line, and that line as one compact JSON document.
final class ServeStart: @unchecked Sendable {
    private let lock = NSLock()
    private var marked = false

    func mark() {
        lock.lock()
        defer { lock.unlock() }
        marked = true
    }

    var isMarked: Bool {
        lock.lock()
        defer { lock.unlock() }
        return marked
    }

    /// `{"folder":…,"tls":…,"url":…}` on one line: a reader of the server's output takes one line.
    static func line(folder: String?, url: String, tls: Bool, sync: Bool? = nil) -> String {
        struct Start: Encodable {
            let folder: String?
            let sync: Bool?
            let tls: Bool
            let url: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Start(folder: folder, sync: sync, tls: tls, url: url))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
