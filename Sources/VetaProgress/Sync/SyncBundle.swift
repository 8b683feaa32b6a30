import Foundation

/// A signed bundle of one store's entries, the file `veta sync export` writes and `veta sync import`
/// reads (it can travel on a USB stick or over any transport). Three lines, UTF-8:
///
/// ```
/// veta-sync-bundle 1
/// {"curricula":[…],"end":57,"entries":[…],"exportedAt":"2026-12-01T10:00:00Z","first":41,"format":1,"head":"…","previousHash":"…","publicKey":"…","role":"site","site":"ZAC-01"}
/// ed25519 SIGNATURE
/// ```
///
/// The second line is the ``Body`` as JSON with sorted keys: the sender's site id and role, the
/// Ed25519 public key (base64url) that signs, the chain range `first`…`end` carried (the sender's
/// whole log from `first` to its last entry `end`; `first` is `end + 1` when it carries none),
/// `previousHash` (the hash of entry `first - 1`, 64 zeros for the first), `head` (the hash of entry
/// `end`), when it was written (`exportedAt`), the entries themselves (every field, hashes and signatures included) and the exact bytes
/// (base64) of every curriculum a publication in the range names. The third line is the Ed25519
/// signature (base64url) over every byte of the first two lines, their line feeds included.
public struct SyncBundle: Hashable, Sendable {
    /// A published curriculum's exact bytes.
    public struct Curriculum: Hashable, Sendable, Codable {
        /// `CODE@x.y.z`.
        public var ref: String
        /// The XML, base64.
        public var xml: String
    }

    /// What the bundle says.
    public struct Body: Hashable, Sendable, Codable {
        public var format = 1
        public var site: String
        public var role: SiteRole
        public var publicKey: String
        public var first: Int64
        public var end: Int64
        public var previousHash: String
        public var head: String
        /// When the bundle was written (UTC, `YYYY-MM-DDTHH:MM:SSZ`): a bundle that ends before what
        /// the receiver holds is an older bundle when it is older, a truncated store when it is newer.
        public var exportedAt: String
        public var entries: [LedgerEntry]
        public var curricula: [Curriculum]
    }

    /// The first line.
    static let magic = "veta-sync-bundle 1"

    /// The content.
    public var body: Body

    /// The bundle's bytes, signed with `key`.
    public func bytes(signedWith key: SigningKey) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var signed = Array((Self.magic + "\n").utf8)
        signed += Array(try encoder.encode(body))
        signed.append(UInt8(ascii: "\n"))
        let signature = try key.signature(for: signed)
        return signed + Array("ed25519 \(Base64URL.encode(signature))\n".utf8)
    }

    /// Reads and checks a bundle: its form, and its signature with the key it names. A bundle whose
    /// lines end in CR LF (it went through a Windows machine) is read as its LF form, which is what
    /// was signed; so is one that begins with a UTF-8 byte-order mark (it was saved in Notepad):
    /// what was signed begins with `veta-sync-bundle 1`, never with the mark. A UTF-16 file is named
    /// as such; a cut or extended file is named as such.
    ///
    /// - Throws: ``SyncError`` `sync-format` or `sync-signature`.
    public init(reading raw: [UInt8], name: String) throws {
        let fix = "export the bundle again (veta sync export) and copy it whole"
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            throw SyncError(
                .format, "\(name) was saved as UTF-16 (it begins with a UTF-16 byte-order mark); a bundle is UTF-8",
                fix: "save it as UTF-8 (in Notepad: Save as, encoding UTF-8), or " + fix)
        }
        let bytes = Self.withLineFeeds(Self.withoutByteOrderMark(raw))
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if let problem = Self.shapeProblem(lines) { throw SyncError(.format, "\(name) \(problem)", fix: fix) }
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(lines[1]))
        } catch {
            throw SyncError(.format, "\(name) is not a veta sync bundle: its content cannot be read", fix: fix)
        }
        guard body.format == 1 else { throw SyncError(.format, "\(name) is a bundle of format \(body.format), not 1", fix: fix) }
        let last = String(decoding: lines[2], as: UTF8.self)
        guard last.hasPrefix("ed25519 "), let signature = Base64URL.decode(String(last.dropFirst(8))), signature.count == 64 else {
            throw SyncError(.signature, "\(name) has no readable signature line (line 3 is not 'ed25519 ' and a signature)", fix: fix)
        }
        guard let key = try? PublicSigningKey(body.publicKey) else {
            throw SyncError(.signature, "\(name) names no readable public key (its publicKey is not an Ed25519 key)", fix: fix)
        }
        let signedCount = lines[0].count + 1 + lines[1].count + 1
        guard key.isValidSignature(signature, for: Array(bytes.prefix(signedCount))) else {
            throw SyncError(
                .signature, "the signature of \(name) does not verify with the key it names: the bundle was changed after it was signed",
                fix: fix)
        }
        self.body = body
    }

    /// `bytes` without a leading UTF-8 byte-order mark (EF BB BF), which an editor may add on saving.
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// `bytes` with every CR LF as LF: the form that was signed. JSON escapes a carriage return in a
    /// string, and the other two lines have none, so no CR of the bundle's own is lost.
    static func withLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\r")) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { continue }
            result.append(byte)
        }
        return result
    }

    /// What is wrong with the bundle's lines (split at every line feed), said after its name, or nil:
    /// a bundle is exactly three lines, each ended by a line feed.
    static func shapeProblem(_ lines: [ArraySlice<UInt8>]) -> String? {
        let first = String(decoding: lines[0], as: UTF8.self)
        if lines.count == 1, first.isEmpty { return "is empty, not a veta sync bundle" }
        guard first == magic else {
            if lines.count == 1, magic.hasPrefix(first) { return "is cut short: it ends inside its first line" }
            return "is not a veta sync bundle (its first line is not '\(magic)')"
        }
        switch lines.count {
        case 1: return "is cut short: it ends at the end of its first line, before the line feed"
        case 2 where lines[1].isEmpty:
            return "is cut short: it ends after its first line (a bundle has 3 lines: '\(magic)', the content, the signature)"
        case 2: return "is cut short: it ends inside its content (line 2 of 3)"
        case 3 where lines[2].isEmpty: return "is cut short: its signature line (line 3) is missing"
        case 3: return "is cut short: its signature line (line 3) has no line feed at its end"
        case 4 where lines[3].isEmpty: return nil
        default:
            return
                "has more lines after its signature line (line 3): a bundle ends with its signature, so the file was changed or joined to another"
        }
    }

    /// Creates a bundle.
    public init(body: Body) { self.body = body }

    /// The first problem of the bundle's chain, or nil: each entry's hash is its content's, the
    /// sequences run from `first` to `end`, each previous-hash is the hash before it, the last is `head`.
    func chainProblem() -> String? {
        var previous = body.previousHash
        var expected = body.first
        for entry in body.entries {
            guard entry.sequence == expected else { return "entry \(expected) is missing (the bundle has entry \(entry.sequence) there)" }
            if entry.kind.isRegistry, let names = entry.registry?.fields.keys, !names.allSatisfy(RegistryDetails.fieldNames.contains) {
                return "entry \(entry.sequence) carries fields that are not part of its kind"
            }
            guard LedgerCanonicalEncoding.hash(of: entry) == entry.hash else {
                return "entry \(entry.sequence): its content does not match its hash"
            }
            guard entry.previousHash == previous else {
                return "entry \(entry.sequence): its previous-hash does not match the entry before it"
            }
            previous = entry.hash
            expected += 1
        }
        guard expected == body.end + 1 else {
            return "the bundle says the chain ends at entry \(body.end), but it carries entries through \(expected - 1)"
        }
        guard previous == body.head else { return "the bundle's head hash is not the hash of entry \(body.end)" }
        return nil
    }
}
