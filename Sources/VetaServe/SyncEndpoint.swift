import Foundation

/// What `veta serve --sync-store` answers under `/sync/`: the centre's side of `veta sync push` and
/// `veta sync pull`. The command-line tool implements it over a store; this module only routes,
/// limits the body and passes the request's proof through (it knows nothing of stores or keys).
public protocol SyncEndpoint: Sendable {
    /// `GET /sync/status?site=ID`: who the centre is and what it holds of site ID's chain.
    func status(site: String, proof: String?, path: String) async -> SyncAnswer
    /// `POST /sync/bundle`: the bytes of one bundle, imported as `veta sync import` would.
    func receive(_ bundle: [UInt8]) async -> SyncAnswer
    /// `GET /sync/bundle?for=ID[&since=N]`: the centre's bundle for site ID, signed with its key.
    func bundle(for site: String, since: Int64?, proof: String?, path: String) async -> SyncAnswer
}

/// One answer of a ``SyncEndpoint``: an HTTP status, a content type and the body's bytes.
public struct SyncAnswer: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The content type.
    public var contentType: String
    /// The body.
    public var body: [UInt8]

    /// Creates an answer.
    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A JSON answer.
    public static func json(_ status: Int, _ text: String) -> SyncAnswer {
        SyncAnswer(status: status, contentType: "application/json", body: Array(text.utf8))
    }

    /// The JSON error document the command-line tool prints (`{"error":{"code","exitCode","message"}}`).
    public static func error(_ status: Int, code: String, exitCode: Int, message: String) -> SyncAnswer {
        struct Detail: Encodable {
            let code: String
            let exitCode: Int
            let message: String
        }
        struct Document: Encodable { let error: Detail }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(error: Detail(code: code, exitCode: exitCode, message: message)))) ?? Data("{}".utf8)
        return SyncAnswer(status: status, contentType: "application/json", body: Array(data) + [UInt8(ascii: "\n")])
    }
}

/// How `veta serve` maps a `/sync/` request onto a ``SyncEndpoint``. Pure, so the rules are tested
/// without a server: unknown paths are 404, other methods 405, a bad query 400, and a body over the
/// limit 413 (before the endpoint sees it).
public enum SyncRoutes {
    /// The content type of a bundle on the wire.
    public static let bundleType = "application/vnd.veta.sync-bundle"
    /// The request header that carries a site's proof (`veta sync pull` and `push` sign their requests).
    public static let proofHeader = "Veta-Sync-Proof"
    /// The default body limit: 256 MiB.
    public static let defaultMaxBytes = 256 << 20

    /// Whether a request path is the sync part of the server.
    public static func handles(_ rawPath: String) -> Bool {
        rawPath == "/sync" || rawPath.hasPrefix("/sync/") || rawPath.hasPrefix("/sync?")
    }

    /// What the request is, before its body is read.
    public enum Route: Hashable, Sendable {
        /// `GET /sync/status?site=ID`.
        case status(site: String)
        /// `POST /sync/bundle`.
        case receive
        /// `GET /sync/bundle?for=ID[&since=N]`.
        case bundle(site: String, since: Int64?)
        /// Refused with this status and message.
        case refused(status: Int, code: String, message: String)
    }

    /// The route of `method` and `rawPath` (with its query).
    public static func route(method: String, rawPath: String) -> Route {
        let parts = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0]
        var query: [String: String] = [:]
        var repeated = false
        for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let name = kv[0].removingPercentEncoding ?? kv[0]
            let value = kv.count > 1 ? (kv[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "\u{0}") : ""
            if query[name] != nil { repeated = true }
            query[name] = value
        }
        func bad(_ message: String) -> Route { .refused(status: 400, code: "usage", message: message) }
        func allow(_ methods: String) -> Route {
            .refused(status: 405, code: "usage", message: "\(path) takes \(methods) only")
        }
        if repeated { return bad("a query parameter is given twice") }
        switch path {
        case "/sync/status":
            guard method == "GET" else { return allow("GET") }
            guard let site = query["site"], !site.isEmpty else { return bad("/sync/status needs ?site=SITE-ID") }
            return .status(site: site)
        case "/sync/bundle":
            if method == "POST" { return query.isEmpty ? .receive : bad("POST /sync/bundle takes no query") }
            guard method == "GET" else { return allow("GET and POST") }
            guard let site = query["for"], !site.isEmpty else { return bad("GET /sync/bundle needs ?for=SITE-ID") }
            guard Set(query.keys).isSubset(of: ["for", "since"]) else { return bad("GET /sync/bundle takes for and since only") }
            guard let text = query["since"] else { return .bundle(site: site, since: nil) }
            guard let since = Int64(text), since >= 1 else { return bad("since takes an entry number, 1 or more") }
            return .bundle(site: site, since: since)
        default:
            return .refused(status: 404, code: "usage", message: "no such sync path: \(path) (GET /sync/status, GET or POST /sync/bundle)")
        }
    }

    /// The answer to a request: `body` is read only for a POST, up to `maxBytes`; it throws
    /// ``BodyTooLarge`` past the limit. `declaredLength` is the request's Content-Length, if any.
    public static func answer(
        method: String, rawPath: String, proof: String?, declaredLength: Int?, maxBytes: Int, endpoint: any SyncEndpoint,
        body: (Int) async throws -> [UInt8]
    ) async -> SyncAnswer {
        switch route(method: method, rawPath: rawPath) {
        case .refused(let status, let code, let message):
            return .error(status, code: code, exitCode: 64, message: message)
        case .status(let site):
            return await endpoint.status(site: site, proof: proof, path: rawPath)
        case .bundle(let site, let since):
            return await endpoint.bundle(for: site, since: since, proof: proof, path: rawPath)
        case .receive:
            let tooLarge = SyncAnswer.error(
                413, code: "sync-too-large", exitCode: 1,
                message: "the bundle is larger than this server takes (\(maxBytes) bytes); nothing was written")
            if let declaredLength, declaredLength > maxBytes { return tooLarge }
            let bytes: [UInt8]
            do {
                bytes = try await body(maxBytes)
            } catch is BodyTooLarge {
                return tooLarge
            } catch {
                return .error(400, code: "storage", exitCode: 2, message: "the request's body could not be read: \(error)")
            }
            return await endpoint.receive(bytes)
        }
    }

    /// A body over the limit.
    public struct BodyTooLarge: Error {
        /// Creates the error.
        public init() {}
    }
}
