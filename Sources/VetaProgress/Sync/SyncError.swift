/// Why `veta sync` refused a bundle or a request: a stable ``code`` and a fix. Nothing is written
/// when one is thrown.
public struct SyncError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable code (`--format json` prints it as `error.code`).
    public enum Code: String, Hashable, Sendable {
        /// The file is not a bundle (`sync-format`).
        case format = "sync-format"
        /// The bundle's signature does not verify with the key it names (`sync-signature`).
        case signature = "sync-signature"
        /// The site's bundles were signed with another key before (`sync-key`).
        case key = "sync-key"
        /// The bundle's entries do not form a chain: a hash or a link does not verify (`sync-chain`).
        case chain = "sync-chain"
        /// The sender's chain no longer extends what this store holds of it: it was rolled back,
        /// truncated or rewritten; or this store's own chain was: the sender holds entries of it
        /// this store does not have, or other ones (`sync-rollback`).
        case rollback = "sync-rollback"
        /// Entries between what this store holds and the bundle's first are missing (`sync-gap`).
        case gap = "sync-gap"
        /// The store has no site id, or the bundle is its own (`sync-site`).
        case site = "sync-site"
    }

    /// The code.
    public let code: Code
    /// What happened.
    public let message: String
    /// How to fix it.
    public let fix: String

    /// Creates an error.
    public init(_ code: Code, _ message: String, fix: String) {
        self.code = code
        self.message = message
        self.fix = fix
    }

    public var description: String { "\(message); nothing was written\n  fix: \(fix)" }
}
