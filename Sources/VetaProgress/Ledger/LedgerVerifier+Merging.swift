extension LedgerVerifier.Report {
    /// The report with `more` problems (found by a higher layer's checks, such as issuer signatures),
    /// in sequence order with its own (those at sequence 0, about no one entry, last).
    package func adding(_ more: [LedgerVerifier.Problem], signatures extra: Int = 0) -> LedgerVerifier.Report {
        LedgerVerifier.Report(
            entries: entries, signatures: signatures + extra,
            problems: (problems + more).enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(
                \.element))
    }

    /// Problems about no one entry (sequence 0, such as a registry table that is not the log's
    /// projection) come after the entries' own.
    private func order(_ problem: LedgerVerifier.Problem) -> Int64 {
        problem.sequence == 0 ? Int64.max : problem.sequence
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
    package var isProjection: Bool { sequence == 0 && reason.hasPrefix("table ") && !reason.hasPrefix("table curriculum,") }
}
