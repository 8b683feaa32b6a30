public import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// Serves a built site folder over HTTP, or HTTPS when given a certificate and key.
///
/// `GET` and `HEAD` only; the content type follows the file's extension (``SiteFiles``); a folder
/// serves its `index.html`; a path that leaves the folder is refused and anything missing is 404.
/// The server stops cleanly on SIGINT and SIGTERM.
public struct SiteServer: Sendable {
    /// The site folder; nil for a server that only answers `/sync/` (``SyncEndpoint``).
    public let root: URL?
    /// The address to listen on (default 127.0.0.1).
    public let host: String
    /// The port (0 picks a free one; the URL printed names it).
    public let port: Int
    /// The PEM certificate chain and private key for TLS, both or neither.
    public let tls: (certificate: String, key: String)?
    /// The centre's sync endpoint and its body limit in bytes, when it serves `/sync/` too.
    public let sync: (endpoint: any SyncEndpoint, maxBytes: Int)?

    /// Creates a server for `root`; nothing is opened until ``run(announce:)``.
    public init(
        root: String?, host: String = "127.0.0.1", port: Int = 8080, tls: (certificate: String, key: String)? = nil,
        sync: (endpoint: any SyncEndpoint, maxBytes: Int)? = nil
    ) {
        self.root = root.map { URL(fileURLWithPath: $0) }
        self.host = host
        self.port = port
        self.tls = tls
        self.sync = sync
    }

    /// Serves until SIGINT or SIGTERM; `announce` receives the URL once the server listens.
    ///
    /// - Throws: ``ServeError`` for a missing folder, an unreadable certificate or key, or a port that cannot be bound.
    public func run(announce: @escaping @Sendable (String) -> Void) async throws {
        if let root {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ServeError.noSite(root.path)
            }
            // A built site has a home page or an issuer document: anything else (a typo, the home folder) is not served.
            guard ["index.html", ".well-known/did.json"].contains(where: { SiteFiles.file(forRequestPath: "/" + $0, root: root) != nil })
            else { throw ServeError.noSite(root.path) }
        }
        let server = try serverBuilder()
        let scheme = tls == nil ? "http" : "https"
        let host = self.host
        let siteRoot = root
        let sync = self.sync
        var logger = Logger(label: "veta-serve")
        logger.logLevel = .warning
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, context in
                if let sync, SyncRoutes.handles(request.uri.string) {
                    return await Self.respond(to: request, context: context, sync: sync.endpoint, maxBytes: sync.maxBytes)
                }
                guard let siteRoot else { return Self.notFound() }
                return Self.respond(to: request, root: siteRoot)
            },
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "veta"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                announce("\(scheme)://\(shown):\(bound)/")
            },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError {
            // The system's words (address already in use), not the call that failed.
            throw ServeError.server("cannot listen on \(host):\(port): \(String(cString: strerror(error.errnoCode)))")
        } catch let error as NIOSSLError {
            if case .failedToLoadPrivateKey = error, let tls { throw ServeError.mismatch(certificate: tls.certificate, key: tls.key) }
            throw ServeError.server("TLS: \(TLSWords.serving(error))")
        } catch {
            throw ServeError.server(Self.plain(error))
        }
    }

    /// An error in words: a system error's text without the call that raised it (`bind(…): `).
    static func plain(_ error: any Error) -> String {
        let text = "\(error)"
        guard text.contains("(errno:"), let range = text.range(of: "): ", options: .backwards) else { return text }
        return String(text[range.upperBound...])
    }

    private func serverBuilder() throws -> HTTPServerBuilder {
        guard let tls else { return .http1() }
        for (what, path) in [("certificate", tls.certificate), ("key", tls.key)] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isReadableFile(atPath: path)
            else { throw ServeError.unreadable(what, path) }
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(tls.certificate)
        } catch {
            throw ServeError.tls("certificate", tls.certificate, TLSWords.loading("certificate", error))
        }
        guard !chain.isEmpty else { throw ServeError.tls("certificate", tls.certificate, "no certificate in the file") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: tls.key, format: .pem)
        } catch {
            throw ServeError.tls("key", tls.key, TLSWords.loading("key", error))
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        // Made here, not when the first connection comes: a key that is not the certificate's is refused before listening.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServeError.mismatch(certificate: tls.certificate, key: tls.key)
        }
        return try .tls(.http1(), tlsConfiguration: configuration)
    }

    /// One response: the file, a redirect to a folder's `/`, 404, or 405 for methods other than GET and HEAD.
    static func respond(to request: Request, root: URL) -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        switch SiteFiles.target(forRequestPath: request.uri.string, root: root) {
        case .folder(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound() }
            let headers: HTTPFields = [
                .contentType: SiteFiles.contentType(for: url.lastPathComponent), .contentLength: String(data.count),
            ]
            if request.method == .head { return Response(status: .ok, headers: headers) }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case nil:
            return notFound()
        }
    }

    /// One `/sync/` response (``SyncRoutes``).
    static func respond(to request: Request, context: BasicRequestContext, sync: any SyncEndpoint, maxBytes: Int) async -> Response {
        let requestBody = request.body
        let answer = await SyncRoutes.answer(
            method: request.method.rawValue, rawPath: request.uri.string,
            proof: HTTPField.Name(SyncRoutes.proofHeader).flatMap { request.headers[$0] },
            declaredLength: request.headers[.contentLength].flatMap { Int($0) }, maxBytes: maxBytes, endpoint: sync,
            body: { limit in
                do {
                    return Array(buffer: try await requestBody.collect(upTo: limit))
                } catch is NIOTooManyBytesError {
                    throw SyncRoutes.BodyTooLarge()
                }
            })
        let headers: HTTPFields = [.contentType: answer.contentType, .contentLength: String(answer.body.count)]
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    private static func notFound() -> Response {
        let text = "404 not found / no encontrado\n"
        return Response(
            status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
