/// The store's own check of each entry a caller appends, before it is numbered and chained: free of
/// storage, so every engine runs the same one (as ``EnrolmentGuard`` and ``LedgerLinkCheck``).
package enum AppendCheck {
    /// `original` in the form the store keeps it, or a ``Refusal``: a registry entry is appended only
    /// by the command that registers it, with its table rows (``RegistryLog``), and an entry's ids must
    /// have been checked in their clean form. `sequence` is the number the entry is to take.
    package static func cleaned(_ original: LedgerEntry, sequence: Int64) throws -> LedgerEntry {
        // An import's mark has no table (``ImportID/mark(after:count:sha256:on:)``) and is about no trainee: nothing in it to clean.
        guard !original.kind.isRegistry || original.kind == .importBatch else {
            throw Refusal("\(original.kind.withArticle) entry is appended only by the command that registers it, with its table rows")
        }
        let entry = original.kind == .importBatch ? original : try original.validated()
        guard entry.trainee == original.trainee, entry.assessor == original.assessor else {
            throw Refusal(
                "the ids of entry \(sequence) are not as the store keeps ids (trainee \(original.trainee), assessor "
                    + "\(original.assessor?.rawValue ?? "none")): they were not checked in their clean form",
                reasons: ["clean ids with TraineeID(validating:) and AssessorID(validating:) before checking an entry"])
        }
        return entry
    }
}
