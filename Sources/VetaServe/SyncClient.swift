public import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOPosix
import NIOSSL

/// The centre's address for `veta sync push` and `veta sync pull`: `https://HOST[:PORT][/PATH]`, or
/// plain `http://` to this machine only (localhost, 127.0.0.1, ::1), where nothing crosses a network.
public struct SyncAddress: Hashable, Sendable {
    /// Whether the connection is TLS.
    public let tls: Bool
    /// The host name (or address) connected to and checked against the certificate.
    public let host: String
    /// The port.
    public let port: Int
    /// The path prefix before `/sync/`, without a trailing `/` (empty for none).
    public let base: String

    /// Parses `text`, or throws why it cannot be a centre's address (a usage error).
    public init(_ text: String) throws(SyncAddressError) {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw SyncAddressError("\(text) is not a URL; give the centre's address, e.g. https://centro.example.mx:8443")
        }
        guard scheme == "https" || scheme == "http" else {
            throw SyncAddressError("\(text) is not an https:// address")
        }
        guard url.user == nil, url.password == nil, url.query == nil, url.fragment == nil else {
            throw SyncAddressError("\(text) must not carry a user, a password, a query or a fragment")
        }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if scheme == "http", !Self.isLoopback(bare) {
            throw SyncAddressError(
                "plain http:// is refused for \(bare): bundles carry trainees' personal data and would cross the network unencrypted; use https:// (plain http is accepted for localhost only)"
            )
        }
        if scheme == "https", (try? SocketAddress(ipAddress: bare, port: 0)) != nil {
            throw SyncAddressError(
                "\(text): an IP address as the centre's https:// host is not supported yet (TLS does not send an IP address as the server name); use the host name the centre's certificate names, e.g. https://centro.example.mx"
            )
        }
        tls = scheme == "https"
        self.host = bare
        port = url.port ?? (tls ? 443 : 80)
        guard (1...65535).contains(port) else { throw SyncAddressError("\(text): the port must be 1 to 65535") }
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        base = path
    }
}

extension SyncAddress {
    /// Whether `host` (without brackets) is this machine only: localhost, 127.0.0.1 or ::1. Plain
    /// http is accepted to these alone, by `veta sync push`/`pull` and by `veta serve --sync-store`.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return ["localhost", "127.0.0.1", "::1"].contains(bare.lowercased())
    }
}

/// Why a centre's address was refused (a usage error, exit 64).
public struct SyncAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why, in words.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// One reply of the centre.
public struct SyncReply: Sendable, Hashable {
    /// The HTTP status code.
    public let status: Int
    /// The content type, if given.
    public let contentType: String?
    /// The body.
    public let body: [UInt8]
}

/// A bare HTTP/1.1 client for the centre's `/sync/` endpoints: one connection per request, TLS with
/// the system's trust roots or a private CA's certificate file, a time limit per request.
public struct SyncClient: Sendable {
    /// The centre.
    public let address: SyncAddress
    /// A PEM file of the CA certificates to trust instead of the system's (a private CA).
    public let caFile: String?
    /// The time a request may take.
    public let timeout: Duration

    /// Creates a client; nothing is opened until a request.
    public init(address: SyncAddress, caFile: String?, timeout: Duration = .seconds(600)) {
        self.address = address
        self.caFile = caFile
        self.timeout = timeout
    }

    /// `GET base + path` (path with its query).
    public func get(_ path: String, headers: [String: String] = [:]) async throws(ServeError) -> SyncReply {
        try await send(.get, path, headers: headers, body: nil)
    }

    /// `POST base + path` with `body`.
    public func post(_ path: String, body: [UInt8], contentType: String, headers: [String: String] = [:]) async throws(ServeError)
        -> SyncReply
    {
        var headers = headers
        headers["Content-Type"] = contentType
        return try await send(.post, path, headers: headers, body: body)
    }

    /// The path as sent (the base and `path`), which a request's proof signs.
    public func fullPath(_ path: String) -> String { address.base + path }

    private func send(_ method: HTTPRequest.Method, _ path: String, headers: [String: String], body: [UInt8]?) async throws(ServeError)
        -> SyncReply
    {
        let shown = "\(address.tls ? "https" : "http")://\(address.host.contains(":") ? "[\(address.host)]" : address.host):\(address.port)"
        var tlsConfiguration: TLSConfiguration?
        if address.tls {
            var configuration = TLSConfiguration.makeClientConfiguration()
            if let caFile {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: caFile, isDirectory: &isFolder), !isFolder.boolValue,
                    FileManager.default.isReadableFile(atPath: caFile)
                else { throw ServeError.caUnreadable(caFile) }
                let roots: [NIOSSLCertificate]
                do { roots = try NIOSSLCertificate.fromPEMFile(caFile) } catch {
                    throw ServeError.tls("CA certificate", caFile, TLSWords.loading("certificate", error))
                }
                guard !roots.isEmpty else { throw ServeError.tls("CA certificate", caFile, "no certificate in the file") }
                configuration.trustRoots = .certificates(roots)
            }
            tlsConfiguration = configuration
        }
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        let authority = address.host.contains(":") ? "[\(address.host)]:\(address.port)" : "\(address.host):\(address.port)"
        let request = TestClient.Request(
            fullPath(path), method: method, authority: authority, headers: fields, body: body.map { ByteBuffer(bytes: $0) })
        let client = TestClient(
            host: address.host, port: address.port,
            configuration: .init(tlsConfiguration: tlsConfiguration, timeout: timeout, serverName: address.tls ? address.host : nil))
        do {
            let response = try await Self.exchange(client, request)
            return SyncReply(
                status: response.status.code, contentType: response.headers[.contentType],
                body: response.body.map { Array(buffer: $0) } ?? [])
        } catch {
            throw ServeError.network(shown, SyncClient.words(error, tls: address.tls, caFile: caFile))
        }
    }

    private static func exchange(_ client: TestClient, _ request: TestClient.Request) async throws -> TestClient.Response {
        client.connect()
        do {
            let response = try await client.execute(request)
            try? await client.shutdown()
            return response
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// A network or TLS failure in words, never a Swift enum case name.
    static func words(_ error: any Error, tls: Bool, caFile: String?) -> String {
        // A handshake that fails may reach the client as the channel closing before its TLS error does.
        let handshake =
            tls
            ? " (over HTTPS this is how a failed TLS handshake can show: "
                + (caFile.map { "check that \($0) is the CA that issued the centre's certificate" }
                    ?? "a certificate from a private CA needs --ca FILE") + ", and that the certificate names this host)"
            : ""
        if let error = error as? TestClient.Error {
            switch error {
            case .readTimeout: return "no answer in time"
            case .tlsSetupFailed: return "the TLS connection could not be set up"
            default: return "the connection closed without a complete answer" + handshake
            }
        }
        if let error = error as? NIOSSLError {
            if case .handshakeFailed = error {
                let trust =
                    caFile.map { "check that \($0) is the CA that issued the centre's certificate" }
                    ?? "give --ca FILE with the private CA's certificate"
                return "the TLS handshake failed: the centre's certificate is not trusted or does not name this host (\(trust))"
            }
            return "the TLS connection failed"
        }
        if error is NIOSSLExtraError { return "the TLS connection failed: \(error)" }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first?.error as? IOError { return String(cString: strerror(first.errnoCode)) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "the host name could not be resolved" }
            return "the connection could not be made"
        }
        if error is ChannelError { return "the connection failed or was closed" + handshake }
        return SiteServer.plain(error)
    }
}
