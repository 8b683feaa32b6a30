public import VetaProgress

/// What `veta store rebuild` did.
public struct RebuildReport: Hashable, Sendable, Codable {
    /// How the registry's tables differed from the log before (each naming the table and key).
    public let repaired: [String]
    /// What ``RecordService/verifyLedger()`` still finds afterwards (empty when the store verifies).
    public let remaining: [LedgerVerifier.Problem]
}

extension RecordService {
    /// Rebuilds every registry table (organisations, sites, trainees, assessors and their units,
    /// issuers) from the log, in one write transaction, after verifying the log: a log that does not
    /// verify for any reason but its tables is refused and nothing is changed. Curricula are only
    /// checked: their bytes are not in the log (the log holds their sha256).
    public func rebuildProjections() async throws -> RebuildReport {
        let end = try await progress.store.ledgerEnd()
        let report = try await verifyLedger()
        if let first = report.problems.first(where: { !$0.isProjection }) {
            throw Refusal(
                "the log does not verify (first bad entry \(first.sequence): \(first.reason)); nothing was rebuilt: tables are rebuilt "
                    + "only from a log that verifies")
        }
        let repaired = try await progress.store.rebuildProjections(after: end)
        return RebuildReport(repaired: repaired, remaining: try await verifyLedger().problems)
    }
}
