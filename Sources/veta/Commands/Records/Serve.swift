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

            Examples:
              veta serve site
              veta serve site --host 0.0.0.0 --port 8443 \\
                --tls-cert site.crt --tls-key site.key
            """)

    @Argument(help: "The site folder.") var folder: String
    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 8080
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: ArgumentHelp("PEM certificate chain for HTTPS (with --tls-key).", valueName: "pem")) var tlsCert: String?
    @Option(help: ArgumentHelp("PEM private key for HTTPS (with --tls-cert).", valueName: "pem")) var tlsKey: String?

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
        do {
            try await server.run { url in Terminal.out("serving \(folder) at \(url) (Ctrl-C stops)\n") }
        } catch let error as ServeError {
            Terminal.err("veta: error: \(error)\n")
            throw ExitCode(2)
        }
        Terminal.err("veta: stopped\n")
    }
}
