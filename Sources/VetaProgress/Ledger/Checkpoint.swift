import Foundation

/// A signed statement of the ledger's size and head hash at a time: a C2SP tlog-checkpoint body
/// (https://c2sp.org/tlog-checkpoint) in a C2SP signed note (``SignedNote``).
///
/// ```
/// veta-ledger/5f0c…e1            origin: "veta-ledger/" + the hex hash of entry 1, naming the store's log
/// 42                             size: the number of entries, in decimal
/// qU2r…Zc=                       head: the hash of entry 42 (32 bytes, standard base64)
/// time 2026-11-30T17:30:00Z      extension line: when the checkpoint was taken (UTC)
///
/// — site-key AbCd…==             signature line(s)
/// ```
///
/// The ledger is a hash chain, not a Merkle tree: the head is the hash of the last entry, which
/// covers every entry before it through `previousHash`. A checkpoint is therefore proved against
/// the log itself, not by an inclusion or consistency proof: the log extends it when its entry at
/// `size` has hash `head` and the chain from entry 1 to the end verifies.
public struct Checkpoint: Hashable, Sendable, Codable {
    /// The log the checkpoint is of.
    public let origin: String
    /// How many entries the log held.
    public let size: Int64
    /// The lowercase hex hash of entry `size`.
    public let head: String
    /// When it was taken, `YYYY-MM-DDTHH:MM:SSZ`, or `nil` when the note has no `time` line.
    public let time: String?

    /// The prefix of every Veta origin line.
    public static let originPrefix = "veta-ledger/"

    /// The origin line of the log whose first entry has hash `firstHash`.
    public static func origin(firstHash: String) -> String { originPrefix + firstHash }

    /// Creates a checkpoint.
    public init(origin: String, size: Int64, head: String, time: String?) {
        self.origin = origin
        self.size = size
        self.head = head
        self.time = time
    }

    /// The checkpoint body: origin, size, base64 head, then the `time` extension line.
    public var body: String {
        let hash = Self.bytes(hex: head) ?? []
        return "\(origin)\n\(size)\n\(Data(hash).base64EncodedString())\n" + (time.map { "time \($0)\n" } ?? "")
    }

    /// Reads a checkpoint body (the ``SignedNote/text`` of a signed checkpoint).
    public init(body: String) throws(KeyError) {
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else { throw KeyError("a checkpoint has an origin, a size and a hash line") }
        origin = String(lines[0])
        guard !origin.isEmpty else { throw KeyError("the checkpoint's origin line is empty") }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw KeyError("the checkpoint's size \(lines[1].prefix(40)) is not a decimal count")
        }
        self.size = size
        guard let hash = Data(base64Encoded: String(lines[2])), hash.count == 32, hash.base64EncodedString() == lines[2] else {
            throw KeyError("the checkpoint's head \(lines[2].prefix(60)) is not a base64 sha256 hash")
        }
        head = hash.hexString
        time = lines.dropFirst(3).first { $0.hasPrefix("time ") }.map { String($0.dropFirst(5)) }
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
