import Foundation
import VetaCurricula

/// What `veta sync import` did.
public struct SyncImportReport: Hashable, Sendable, Codable {
    /// The sender's site id.
    public let site: String
    /// The sender's entries taken in (0 when the bundle held nothing new).
    public let received: Int
    /// How many were copied into this store's log.
    public let copied: Int
    /// How many were conflicts (``SyncReceipt/State/isConflict``).
    public let conflicts: Int
    /// The sequence of the receipt entry, nil when nothing new was received.
    public let receipt: Int64?
    /// The last of the sender's entries this store now holds.
    public let through: Int64
}

extension ProgressService {
    /// Applies a bundle (``SyncBundle``): checks its signature, its chain, and that it extends what
    /// this store holds of the sender's chain, then appends one receipt and the entries it copies,
    /// in one write transaction (``checkedWrite(_:)``). A bundle with nothing new writes nothing.
    ///
    /// - Throws: ``SyncError`` (nothing written) when the bundle does not verify, its site's key
    ///   changed, the sender's chain was rolled back or a part is missing.
    public func importBundle(_ bytes: [UInt8], name: String) async throws -> SyncImportReport {
        let bundle = try SyncBundle(reading: bytes, name: name)
        let body = bundle.body
        if let problem = bundle.chainProblem() {
            throw SyncError(.chain, "the chain in \(name) does not verify: \(problem)", fix: "export the bundle again at \(body.site)")
        }
        let me = try await requireSite()
        guard body.site != me.id else {
            throw SyncError(.site, "\(name) is a bundle of this store's own chain (site \(me.id))", fix: "import it at the other store")
        }
        let date = try await today()
        return try await checkedWrite { end in
            let held = try await receipts().filter { $0.receipt.origin == body.site }.map(\.receipt)
            let stale = try Self.checkExtends(body, held: held, name: name)
            let heldLast = held.last?.last ?? 0
            if stale { return SyncImportReport(site: body.site, received: 0, copied: 0, conflicts: 0, receipt: nil, through: heldLast) }
            let fresh = body.entries.filter { $0.sequence > heldLast }
            guard !fresh.isEmpty else {
                return SyncImportReport(site: body.site, received: 0, copied: 0, conflicts: 0, receipt: nil, through: heldLast)
            }
            var plan = try await SyncPlan(service: self, me: me, sender: body, held: held, end: end)
            for entry in fresh { try await plan.take(entry) }
            var receipt = SyncReceipt(
                origin: body.site, publicKey: body.publicKey, previous: fresh[0].previousHash, head: body.head,
                acknowledged: plan.acknowledged, lines: plan.lines)
            receipt.exportedAt = body.exportedAt
            let write = SyncWrite(receipt: receipt.entry(date: date), copies: plan.copies, curricula: plan.curricula)
            let stored = try await store.receive(write, after: end)
            return SyncImportReport(
                site: body.site, received: fresh.count, copied: plan.copies.count,
                conflicts: plan.lines.filter(\.state.isConflict).count, receipt: stored.first?.sequence, through: body.end)
        }
    }

    /// Throws unless the bundle extends what this store holds of the sender's chain: the same key,
    /// the same hashes where they overlap, no missing part, and no chain shorter than the one held
    /// unless the bundle is older than the newest one received (then it returns true: an older
    /// bundle, nothing new; a newer bundle of a shorter chain is a truncated store).
    static func checkExtends(_ body: SyncBundle.Body, held: [SyncReceipt], name: String) throws -> Bool {
        guard let pinned = held.first?.publicKey else { return false }
        guard pinned == body.publicKey else {
            throw SyncError(
                .key, "\(name) is signed with another key than the bundles of site \(body.site) received before",
                fix: "export with the key \(body.site) always used, or ask the committee to confirm the site's new key")
        }
        var hashes: [Int64: String] = [:]
        for receipt in held { for line in receipt.lines { hashes[line.sequence] = line.hash } }
        let heldLast = held.last?.last ?? 0
        let rolled = "site \(body.site)'s store was rolled back, truncated or rewritten"
        let fix = "restore \(body.site)'s store from a copy that holds its entries 1-\(heldLast), then export again"
        for entry in body.entries where entry.sequence <= heldLast {
            guard hashes[entry.sequence] == entry.hash else {
                throw SyncError(.rollback, "\(rolled): its entry \(entry.sequence) is not the one received before", fix: fix)
            }
        }
        if body.end < heldLast {
            let newest = held.map(\.exportedAt).max() ?? ""
            guard body.exportedAt > newest || hashes[body.end] != body.head else { return true }
            throw SyncError(
                .rollback, "\(rolled): its chain now ends at entry \(body.end), but this store holds its entries through \(heldLast)",
                fix: fix)
        }
        if body.first > heldLast + 1 {
            throw SyncError(
                .gap,
                "\(name) starts at entry \(body.first) of site \(body.site), but this store holds its entries only through \(heldLast)",
                fix: "at \(body.site), run veta sync export --since \(heldLast + 1)")
        }
        if body.first - 1 >= 1, body.first - 1 <= heldLast, hashes[body.first - 1] != body.previousHash {
            throw SyncError(.rollback, "\(rolled): its entry \(body.first - 1) is not the one received before", fix: fix)
        }
        return false
    }
}
