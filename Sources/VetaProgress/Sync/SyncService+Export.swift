import Foundation
import VetaCurricula

/// What `veta sync export` wrote.
public struct SyncExportReport: Hashable, Sendable, Codable {
    /// This store's site id.
    public let site: String
    /// The store the bundle was made for, when known.
    public let partner: String?
    /// Whether this store has received a bundle from `partner`: false for a first export to a new
    /// site (or a mistyped id), whose bundle starts at entry 1 unless `--since` says otherwise.
    public let partnerKnown: Bool
    /// The first sequence carried (`end + 1` when none).
    public let first: Int64
    /// The last entry of the chain.
    public let end: Int64
    /// The hash of entry `end`.
    public let head: String
    /// How many entries the bundle carries.
    public let entries: Int
}

extension ProgressService {
    /// The receipts of the log, in sequence order, with the sequence of each receipt entry.
    func receipts() async throws -> [(sequence: Int64, receipt: SyncReceipt)] {
        try await store.entries(ofKinds: [.receipt]).compactMap { entry in SyncReceipt(entry).map { (entry.sequence, $0) } }
    }

    /// A signed bundle of every entry of this store's chain the partner has not acknowledged: from
    /// `since` when given, else after the last of this store's entries the partner's own receipts
    /// (received here) say it holds, else from entry 1.
    ///
    /// - Parameter partner: the site id of the store the bundle is for; nil takes the only store this one received from, if one.
    public func exportBundle(key: SigningKey, for partner: String?, since: Int64?) async throws -> ([UInt8], SyncExportReport) {
        let me = try await requireSite()
        let receipts = try await receipts()
        let partners = Set(receipts.map(\.receipt.origin))
        let to = partner ?? (partners.count == 1 ? partners.first : nil)
        if let partner, partner == me.id {
            throw SyncError(
                .site, "--for \(partner) names this store itself: a bundle is for another store",
                fix: "give the site id of the store that will import the bundle (veta sync chains lists the sites this store received from)"
            )
        }
        let acknowledged = receipts.filter { $0.receipt.origin == to }.map(\.receipt.acknowledged).max() ?? 0
        let end = try await store.ledgerEnd()
        if since == nil, acknowledged > end, let to {
            throw SyncError(
                .rollback,
                "this store's chain ends at entry \(end), but \(to) holds its entries through \(acknowledged): this store was rolled back or truncated",
                fix: "restore this store from the copy that holds entries 1-\(acknowledged), or ask the centre's committee")
        }
        if let since, since > end + 1 {
            throw Refusal(
                "--since \(since) is beyond this store's chain, which ends at entry \(end): nothing to export from there",
                reasons: [
                    "give --since 1 to \(end + 1) (\(end + 1) exports no entries), or leave it out to start after what the other store acknowledged"
                ])
        }
        let first = max(1, min(since ?? acknowledged + 1, end + 1))
        var previousHash = LedgerEntry.genesisHash
        var entries: [LedgerEntry] = []
        for row in try await store.entries(from: first - 1, through: end) {
            guard case .success(let entry) = row else {
                throw Refusal(
                    "the ledger does not verify at \((try? row.get()).map { "entry \($0.sequence)" } ?? "a row")",
                    reasons: ["nothing was exported; run veta ledger verify"])
            }
            if entry.sequence == first - 1 { previousHash = entry.hash } else { entries.append(entry) }
        }
        var curricula: [SyncBundle.Curriculum] = []
        for entry in entries where entry.kind == .publication {
            guard let text = entry.registry?.subject, let ref = CurriculumRef(syncText: text),
                let published = try await store.publishedCurriculum(ref)
            else { continue }
            curricula.append(SyncBundle.Curriculum(ref: ref.description, xml: Data(published.xml).base64EncodedString()))
        }
        let head = entries.last?.hash ?? previousHash
        let body = SyncBundle.Body(
            site: me.id, role: me.role, publicKey: key.publicKey.base64URL, first: first, end: end, previousHash: previousHash, head: head,
            exportedAt: SQLiteProgressStore.timestamp(Date()), entries: entries, curricula: curricula)
        let bytes = try SyncBundle(body: body).bytes(signedWith: key)
        return (
            bytes,
            SyncExportReport(
                site: me.id, partner: to, partnerKnown: to.map(partners.contains) ?? false, first: first, end: end, head: head,
                entries: entries.count)
        )
    }
}

extension CurriculumRef {
    /// The reference written `CODE@x.y.z`, or nil.
    init?(syncText text: String) {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let version = SemanticVersion(parts[1]) else { return nil }
        self.init(code: CurriculumCode(parts[0]), version: version)
    }
}
