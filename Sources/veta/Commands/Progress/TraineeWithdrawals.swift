import VetaCurricula
import VetaProgress

/// A trainee's withdrawals as `trainee show` prints them: curriculum, date, reason, log entry, and
/// the correction that voided one, if any.
struct TraineeWithdrawals {
    let lines: [String]

    /// The withdrawals among a trainee's `entries`.
    init(_ entries: [LedgerEntry]) {
        var voidedBy: [Int64: Int64] = [:]
        for entry in entries where entry.kind == .correction {
            if let target = entry.corrects, voidedBy[target] == nil { voidedBy[target] = entry.sequence }
        }
        lines = entries.filter { $0.kind == .withdrawal }.map { entry in
            let voided = voidedBy[entry.sequence].map { " [voided by entry \($0)]" } ?? ""
            return "  withdrawn from \(entry.curriculum) on \(entry.date) (\(entry.note ?? "")), log entry \(entry.sequence)\(voided)"
        }
    }

    /// The lines, each ending in a line feed.
    var text: String { lines.map { $0 + "\n" }.joined() }
}
