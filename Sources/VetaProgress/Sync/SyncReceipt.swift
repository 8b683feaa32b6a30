import Foundation

/// What a ``LedgerEntry/Kind/receipt`` entry says: which entries of which site's chain a store took
/// in from a bundle (``SyncBundle``), each entry's exact canonical bytes, and what the store did with
/// each one. The sender's chain stays verifiable from receipts alone (``SiteChains``); the entries
/// a receipt copied follow it in the log and are what status, cohort and the registry read.
public struct SyncReceipt: Hashable, Sendable {
    /// What the receiving store did with one received entry.
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// Copied into this store's log (``Line/local`` is the copy's sequence).
        case copied
        /// Already here: the same registration (``Line/local`` names it, when there is one).
        case same
        /// A copy the sender made of this store's own entry ``Line/local``.
        case known
        /// Kept in the receipt only: a kind this direction does not apply (a site's settings, the
        /// centre's copies of other sites' progress, issued records).
        case kept
        /// Conflict: the trainee id is registered here with another CURP (or the CURP under another id).
        case conflictCURP = "conflict-curp"
        /// Conflict: the trainee is already enrolled here in the curriculum, from another site.
        case conflictEnrolment = "conflict-enrolment"
        /// Conflict: the assessor was not authorised here for the unit on the entry's date.
        case conflictAuthorisation = "conflict-authorisation"
        /// Held with a conflicting registration: an entry about a trainee whose registration from
        /// the same site is a CURP conflict.
        case held

        /// Whether the state names a conflict (``SyncService/conflicts()``).
        public var isConflict: Bool { self != .copied && self != .same && self != .known && self != .kept }
    }

    /// One received entry.
    public struct Line: Hashable, Sendable {
        /// Its sequence in the sender's chain.
        public var sequence: Int64
        /// What this store did with it.
        public var state: State
        /// The sequence here it was copied to, repeats, or is a copy of; nil when none.
        public var local: Int64?
        /// Its signature (a sign-off's or issue's), base64url, or nil.
        public var signature: String?
        /// Its canonical bytes (``LedgerCanonicalEncoding``): what its hash covers.
        public var bytes: [UInt8]
        /// Why, for a conflict or a kept entry (one line of text), or "".
        public var reason: String

        /// Its hash: lowercase hex sha256 of ``bytes``.
        public var hash: String { SHA256Hex.of(bytes) }
    }

    /// The sender's site id.
    public var origin: String
    /// The sender's public key (base64url) that signed the bundle: pinned by the first receipt from a site.
    public var publicKey: String
    /// The sender's previous-hash of its first entry here (the head of the receipt before, or 64 zeros).
    public var previous: String
    /// The hash of the sender's last entry here.
    public var head: String
    /// The last sequence of this store's own chain the sender said it holds (from the sender's receipts), 0 when none.
    public var acknowledged: Int64
    /// When the sender wrote the bundle (``SyncBundle/Body/exportedAt``).
    public var exportedAt: String = ""
    /// The received entries, in the sender's sequence order (contiguous).
    public var lines: [Line]

    /// The sender's first and last sequence here.
    public var first: Int64 { lines.first?.sequence ?? 0 }
    public var last: Int64 { lines.last?.sequence ?? 0 }

    /// The field names a receipt entry carries (``RegistryDetails/fieldNames``).
    public static let fieldNames: Set<String> = [
        "origin", "originFirst", "originLast", "originPrevious", "originHead", "acknowledged", "entries", "exportedAt",
    ]

    /// The receipt entry, dated `date`; `copies` are the local sequences of its copies, when any.
    func entry(date: CalendarDate) -> LedgerEntry {
        var fields = [
            "origin": origin, "originFirst": String(first), "originLast": String(last), "originPrevious": previous,
            "originHead": head, "publicKey": publicKey, "acknowledged": String(acknowledged),
            "entries": lines.map(Self.text).joined(separator: "\n"), "exportedAt": exportedAt,
        ]
        let copies = lines.filter { $0.state == .copied }.compactMap(\.local)
        if let low = copies.min(), let high = copies.max() {
            fields["first"] = String(low)
            fields["last"] = String(high)
        }
        return .registry(.receipt, subject: "\(origin):\(first)-\(last)", fields: fields, date: date)
    }

    /// The receipt a receipt entry holds, or nil when its fields are not a receipt's.
    public init?(_ entry: LedgerEntry) {
        guard entry.kind == .receipt, let fields = entry.registry?.fields, let origin = fields["origin"],
            let previous = fields["originPrevious"], let head = fields["originHead"], let key = fields["publicKey"],
            let acknowledged = fields["acknowledged"].flatMap({ Int64($0) }), let text = fields["entries"]
        else { return nil }
        var lines: [Line] = []
        for part in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let line = Self.line(String(part)) else { return nil }
            lines.append(line)
        }
        self.init(origin: origin, publicKey: key, previous: previous, head: head, acknowledged: acknowledged, lines: lines)
        exportedAt = fields["exportedAt"] ?? ""
    }

    /// Creates a receipt.
    public init(origin: String, publicKey: String, previous: String, head: String, acknowledged: Int64, lines: [Line]) {
        self.origin = origin
        self.publicKey = publicKey
        self.previous = previous
        self.head = head
        self.acknowledged = acknowledged
        self.lines = lines
    }

    /// `SEQUENCE STATE LOCAL SIGNATURE BYTES REASON`: the bytes base64url, `-` for no local or signature.
    static func text(_ line: Line) -> String {
        let parts = [
            String(line.sequence), line.state.rawValue, line.local.map(String.init) ?? "-", line.signature ?? "-",
            Base64URL.encode(line.bytes),
        ]
        let reason = line.reason.replacingOccurrences(of: "\n", with: " ")
        return parts.joined(separator: " ") + (reason.isEmpty ? "" : " " + reason)
    }

    static func line(_ text: String) -> Line? {
        let parts = text.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 5, let sequence = Int64(parts[0]), let state = State(rawValue: parts[1]),
            let bytes = Base64URL.decode(parts[4])
        else { return nil }
        return Line(
            sequence: sequence, state: state, local: parts[2] == "-" ? nil : Int64(parts[2]), signature: parts[3] == "-" ? nil : parts[3],
            bytes: bytes, reason: parts.count > 5 ? parts[5] : "")
    }
}

/// The keys of an entry's canonical bytes that sync reads back without decoding the whole entry.
package struct CanonicalKeys {
    let object: [String: Any]

    init?(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        self.object = object
    }

    func text(_ key: String) -> String? { object[key] as? String }
    func integer(_ key: String) -> Int64? { (object[key] as? NSNumber).map { $0.int64Value } }
    var kind: LedgerEntry.Kind? { text("kind").flatMap(LedgerEntry.Kind.init(rawValue:)) }
}
