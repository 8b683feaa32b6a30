import ArgumentParser
import Foundation
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
            """)

    @Argument(help: "The site folder.") var folder: String
    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 8080
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: ArgumentHelp("PEM certificate chain for HTTPS (with --tls-key).", valueName: "pem")) var tlsCert: String?
    @Option(help: ArgumentHelp("PEM private key for HTTPS (with --tls-cert).", valueName: "pem")) var tlsKey: String?
    @Option(help: "Output format: text or json (one JSON line once it listens; a failure before that, one JSON error document).")
    var format: ListingFormat = .text

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535 (got \(port))") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard !folder.isEmpty else { throw ValidationError("the site folder must not be empty") }
    }

    func run() async throws {
        let tls = tlsCert.flatMap { cert in tlsKey.map { (certificate: cert, key: $0) } }
        let server = SiteServer(root: folder, host: host, port: port, tls: tls)
        let folder = self.folder
        let json = format == .json
        let started = ServeStart()
        do {
            try await server.run { url in
                started.mark()
                if json {
                    Terminal.out(ServeStart.line(folder: folder, url: url, tls: tls != nil))
                } else {
                    Terminal.out("serving \(folder) at \(url) (Ctrl-C stops)\n")
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
    static func line(folder: String, url: String, tls: Bool) -> String {
        struct Start: Encodable {
            let folder: String
            let tls: Bool
            let url: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Start(folder: folder, tls: tls, url: url))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
