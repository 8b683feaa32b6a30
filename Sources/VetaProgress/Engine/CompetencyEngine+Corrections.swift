extension CompetencyEngine {
    /// `entries` with every correction read as made at the start of time (dated ``CalendarDate/earliest``):
    /// the engine run on them as of any date applies every correction, whenever it was made, so
    /// voiding, along provenance and prerequisites, is whole. A sign-off written now, and the
    /// question whether a record issued earlier is still backed by evidence, both read the log so.
    public static func everyCorrectionApplied(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        entries.map { entry in
            var entry = entry
            if entry.kind == .correction { entry.date = .earliest }
            return entry
        }
    }
}
