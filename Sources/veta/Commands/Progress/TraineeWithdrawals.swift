import VetaCurricula
import VetaProgress

/// A trainee's withdrawals as `trainee show` prints them: curriculum, date, reason, log entry, and
/// the correction that voided one, if any.
struct TraineeWithdrawals {
    let lines: [String]

    /// The withdrawals among a trainee's `entries`.
    init(_ entries: [LedgerEntry]) {
        let causes = Voiding(entries, asOf: .latest).causes
        lines = entries.filter { $0.kind == .withdrawal }.map { entry in
            let voided = causes[entry.sequence].map(\.correction).map { " [voided by entry \($0)]" } ?? ""
            return "  withdrawn from \(entry.curriculum) on \(entry.date) (\(entry.note ?? "")), log entry \(entry.sequence)\(voided)"
        }
    }

    /// The lines, each ending in a line feed.
    var text: String { lines.map { $0 + "\n" }.joined() }
}
