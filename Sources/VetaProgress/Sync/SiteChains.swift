import VetaCurricula

/// One site's chain as this store's receipts hold it (``SyncReceipt``), verified on its own.
public struct SiteChain: Hashable, Sendable, Codable {
    /// The site id.
    public let site: String
    /// How many of its entries are held (1 through ``through``).
    public let entries: Int
    /// Its last entry held.
    public let through: Int64
    /// The hash of that entry.
    public let head: String
    /// Every problem: a broken link, a changed entry, a copy that is not its entry.
    public let problems: [String]

    /// Whether it verifies.
    public var isIntact: Bool { problems.isEmpty }
}

/// A conflict `veta sync import` kept and named (``SyncReceipt/State/isConflict``).
public struct SyncConflict: Hashable, Sendable, Codable {
    /// `curp`, `enrolment`, `authorisation` or `held`.
    public let kind: String
    /// The site the entry came from.
    public let site: String
    /// Its sequence in that site's chain.
    public let sequence: Int64
    /// The entry's kind.
    public let entryKind: String
    /// The receipt entry here that holds it.
    public let receipt: Int64
    /// What the conflict is, and the rule applied.
    public let reason: String
}

extension ProgressService {
    /// Every site chain this store's receipts hold, each verified on its own: the entries run from
    /// 1 without a gap, each previous-hash is the hash of the entry before it, each receipt's head is
    /// its last entry's hash, and each copy here is its entry (the copy with the sender's sequence,
    /// time, previous-hash and references has the sender's bytes).
    public func siteChains() async throws -> [SiteChain] {
        var chains: [String: (through: Int64, head: String, count: Int, problems: [String])] = [:]
        let receipts = try await receipts()
        var copies: [Int64: (site: String, line: SyncReceipt.Line)] = [:]
        for (sequence, receipt) in receipts {
            var chain = chains[receipt.origin] ?? (0, LedgerEntry.genesisHash, 0, [])
            func problem(_ text: String) { chain.problems.append("receipt \(sequence): \(text)") }
            if receipt.previous != chain.head { problem("entry \(receipt.first) does not follow entry \(chain.through) received before") }
            for line in receipt.lines {
                guard line.sequence == chain.through + 1 else {
                    problem("entry \(chain.through + 1) is missing")
                    chain.through = line.sequence
                    continue
                }
                let keys = CanonicalKeys(line.bytes)
                if keys?.integer("sequence") != line.sequence {
                    problem("entry \(line.sequence): its bytes are not those of entry \(line.sequence)")
                }
                if keys?.text("previousHash") != chain.head {
                    problem("entry \(line.sequence): its previous-hash does not match the entry before it")
                }
                chain.head = line.hash
                chain.through = line.sequence
                chain.count += 1
                if line.state == .copied, let local = line.local { copies[local] = (receipt.origin, line) }
            }
            if receipt.head != chain.head { problem("its head hash is not the hash of entry \(chain.through)") }
            chains[receipt.origin] = chain
        }
        if !copies.isEmpty, let low = copies.keys.min(), let high = copies.keys.max() {
            var remap: [String: [Int64: Int64]] = [:]  // site -> local -> sender sequence
            for (local, copy) in copies { remap[copy.site, default: [:]][local] = copy.line.sequence }
            for row in try await store.entries(from: low, through: high) {
                guard case .success(let entry) = row, let (site, line) = copies[entry.sequence] else { continue }
                guard let keys = CanonicalKeys(line.bytes) else { continue }
                var sender = entry
                sender.sequence = line.sequence
                sender.recordedAt = keys.text("recordedAt") ?? ""
                sender.previousHash = keys.text("previousHash") ?? ""
                sender.corrects = entry.corrects.flatMap { remap[site]?[$0] ?? keys.integer("corrects") }
                sender.derivedFrom = entry.derivedFrom.flatMap { remap[site]?[$0] ?? keys.integer("derivedFrom") }
                if LedgerCanonicalEncoding.bytes(of: sender) != line.bytes || entry.signature != line.signature {
                    chains[site]?.problems.append("entry \(entry.sequence) here is not a copy of \(site)'s entry \(line.sequence)")
                }
            }
        }
        return chains.sorted { $0.key < $1.key }.map { site, chain in
            SiteChain(site: site, entries: chain.count, through: chain.through, head: chain.head, problems: chain.problems)
        }
    }

    /// Every conflict the receipts keep, in the order they were received.
    public func conflicts() async throws -> [SyncConflict] {
        try await receipts().flatMap { sequence, receipt in
            receipt.lines.filter(\.state.isConflict).map { line in
                SyncConflict(
                    kind: line.state == .held ? "held" : String(line.state.rawValue.dropFirst("conflict-".count)), site: receipt.origin,
                    sequence: line.sequence, entryKind: CanonicalKeys(line.bytes)?.text("kind") ?? "?", receipt: sequence,
                    reason: line.reason)
            }
        }
    }

    /// The trainees whose entries came from `site` (copied from its receipts), for `--site` filters.
    public func trainees(from site: String) async throws -> Set<String> {
        var trainees: Set<String> = []
        for (_, receipt) in try await receipts() where receipt.origin == site {
            for line in receipt.lines where line.state == .copied || line.state == .same {
                guard let keys = CanonicalKeys(line.bytes) else { continue }
                if let trainee = keys.text("trainee") { trainees.insert(trainee) }
                if keys.kind == .trainee, let subject = keys.text("subject") { trainees.insert(subject) }
            }
        }
        return trainees
    }
}
