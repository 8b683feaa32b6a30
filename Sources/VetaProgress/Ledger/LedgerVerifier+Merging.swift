extension LedgerVerifier.Report {
    /// The report with `more` problems (found by a higher layer's checks, such as issuer signatures),
    /// in sequence order with its own.
    package func adding(_ more: [LedgerVerifier.Problem], signatures extra: Int = 0) -> LedgerVerifier.Report {
        LedgerVerifier.Report(
            entries: entries, signatures: signatures + extra,
            problems: (problems + more).enumerated().sorted { ($0.element.sequence, $0.offset) < ($1.element.sequence, $1.offset) }.map(
                \.element))
    }
}

extension LedgerVerifier.Problem {
    /// A problem found at `sequence`.
    package init(at sequence: Int64, _ reason: String) {
        self.init(sequence: sequence, reason: reason)
    }
}

extension LedgerVerification {
    /// The verification with `more` problems found by a higher layer's checks, in sequence order with its own.
    package func adding(_ more: [LedgerVerifier.Problem], signatures extra: Int = 0) -> LedgerVerification {
        let report = LedgerVerifier.Report(entries: entries, signatures: signatures, problems: problems).adding(more, signatures: extra)
        return LedgerVerification(
            entries: report.entries, signatures: report.signatures, problems: report.problems, checkpoints: checkpoints)
    }
}

extension LedgerVerifier.Problem {
    /// Whether the problem is a registry table that is not the log's projection (``ProgressStore/projectionProblems()``),
    /// which `veta store rebuild` repairs.
    package var isProjection: Bool { sequence == 0 && reason.hasPrefix("table ") && !reason.hasPrefix("table curriculum") }
}
