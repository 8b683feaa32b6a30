import Foundation

/// Where a PostgreSQL store lives, read from a `postgresql://` (or `postgres://`) connection string
/// in the form libpq reads: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`, with the query
/// parameters `host=/socket/folder` (a Unix socket, as libpq's `host` parameter) and `sslmode`
/// (`disable`, the default here, or `prefer`/`require`). Parsing needs no driver: the library layers
/// only read the address; the `VetaPostgres` module connects.
public struct PostgresAddress: Hashable, Sendable {
    /// The server's host name or address (ignored when ``socketFolder`` is set).
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// Its password, if the server asks for one.
    public var password: String?
    /// The database.
    public var database: String
    /// The folder of the server's Unix socket (`.s.PGSQL.PORT` in it), or nil for TCP.
    public var socketFolder: String?
    /// Whether TLS is required (`sslmode=require`, `verify-ca`, `verify-full`).
    public var requireTLS: Bool

    /// The address without the password, for messages.
    public var redacted: String {
        let place = socketFolder.map { "\($0)/.s.PGSQL.\(port)" } ?? "\(host):\(port)"
        return "postgresql://\(user)@\(place)/\(database)"
    }

    /// The address in `text`, or nil when `text` is not a PostgreSQL connection string at all (a file path).
    ///
    /// - Throws: ``StoreLocationError`` when it is one but cannot be used (bad port, no database, an unknown parameter).
    public static func parse(_ text: String) throws(StoreLocationError) -> PostgresAddress? {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") else { return nil }
        guard let components = URLComponents(string: text) else {
            throw StoreLocationError(text, "it is not a valid URL (percent-encode special characters in the user or password)")
        }
        var address = PostgresAddress(
            host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost", port: components.port ?? 5432,
            user: components.user.flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
            password: components.password, database: "", socketFolder: nil, requireTLS: false)
        guard (1...65535).contains(address.port) else { throw StoreLocationError(text, "port \(address.port) is out of range") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.isEmpty, !path.contains("/") else {
            throw StoreLocationError(text, "it names no database: end it with /DATABASE")
        }
        address.database = path
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "host":
                guard value.hasPrefix("/") else { throw StoreLocationError(text, "host= takes the folder of a Unix socket (/path)") }
                address.socketFolder = value
            case "port":
                guard let port = Int(value), (1...65535).contains(port) else {
                    throw StoreLocationError(text, "port=\(value) is not a port")
                }
                address.port = port
            case "user": address.user = value
            case "dbname": address.database = value
            case "sslmode":
                switch value {
                case "disable", "allow", "prefer": address.requireTLS = false
                case "require", "verify-ca", "verify-full": address.requireTLS = true
                default: throw StoreLocationError(text, "sslmode=\(value) is not one of disable, prefer, require")
                }
            case "application_name", "connect_timeout": continue
            default: throw StoreLocationError(text, "the parameter \(item.name) is not supported (host, port, user, dbname, sslmode)")
            }
        }
        // TLS is not offered yet: a connection string that asks for it is refused here, as a usage error, before any connection.
        if address.requireTLS && address.socketFolder == nil {
            throw StoreLocationError(
                text,
                "sslmode=require is not supported yet; connect over a Unix socket (host=/folder) or a trusted network (sslmode=disable)")
        }
        return address
    }
}

/// A `--store` or `$VETA_STORE` that names a PostgreSQL store in a way that cannot be used (exit 64).
public struct StoreLocationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, with the address shown without its password.
    public let description: String

    init(_ text: String, _ reason: String) {
        let shown = text.replacingOccurrences(of: #":[^:@/]*@"#, with: ":***@", options: .regularExpression)
        description = "\(shown) is not a usable PostgreSQL connection string: \(reason)"
    }
}

extension StoreLocation {
    /// Whether `location` (a `--store` value or `$VETA_STORE`) names a PostgreSQL store rather than a file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }
}
