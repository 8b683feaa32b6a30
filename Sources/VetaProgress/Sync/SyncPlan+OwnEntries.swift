import Foundation

extension SyncPlan {
    /// Throws unless this store still holds, with the same hash, every one of its own entries that
    /// `receipt` (the sender's receipt of a bundle of this store) says the sender holds.
    ///
    /// The sender's copies of this store's entries are `known` by their number here: a store restored
    /// from an older copy (the sender holds entries past its end) or set up again under the same site
    /// id (the sender's entry N is another entry N) would take them for entries it does not have, and
    /// file the sender's later entries against a registry that lacks them. It is refused instead,
    /// `sync-rollback`, before anything is written.
    func checkOwnEntries(in receipt: SyncReceipt) async throws {
        guard let first = receipt.lines.first?.sequence else { return }
        let last = receipt.last
        let site = sender.site
        var hashes: [Int64: String] = [:]
        var unreadable: [Int64: String] = [:]
        if first <= end {
            for row in try await service.store.entries(from: first, through: min(last, end)) {
                switch row {
                case .success(let entry): hashes[entry.sequence] = entry.hash
                case .failure(let problem): unreadable[problem.sequence] = problem.reason
                }
            }
        }
        var fix: String {
            let held = sender.entries.filter { $0.kind == .receipt }.compactMap { SyncReceipt($0) }.filter { $0.origin == me.id }
            return "restore this store from its newest copy (the one that holds the entries \(site) received, "
                + "1-\(held.map(\.last).max() ?? last)) and import there; "
                + "if that copy is lost, set up a new store under another site id (veta sync init --id ...) and ask the committee"
        }
        for line in receipt.lines where line.sequence <= end {
            if let reason = unreadable[line.sequence] {
                throw SyncError(
                    .rollback,
                    "this store's entry \(line.sequence) cannot be read (\(reason)), so \(site)'s copy of it cannot be checked",
                    fix: "run veta ledger verify on this store and restore it from a copy that verifies")
            }
            guard hashes[line.sequence] == line.hash else {
                throw SyncError(
                    .rollback,
                    "\(site) holds an entry \(line.sequence) of this store (site \(me.id)) that is not this store's entry \(line.sequence): "
                        + "this store was set up again under the id \(me.id), or rewritten, after \(site) received from it",
                    fix: fix)
            }
        }
        if last > end {
            throw SyncError(
                .rollback,
                "\(site) holds this store's entries through \(last), but this store's chain ends at entry \(end): "
                    + "this store (site \(me.id)) was restored from an older copy, or set up again under its id",
                fix: fix)
        }
    }
}
