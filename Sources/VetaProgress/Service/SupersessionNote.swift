/// What publishing a version that declares `<supersedes>` did to the older version, told from the
/// log after the write: a lifecycle entry is written only when the older version is published and
/// has no lifecycle entry yet, so the note never claims one that was not written.
public enum SupersessionNote {
    /// The line `veta publish` prints for `older`, declared superseded by `newer`.
    ///
    /// - Parameters:
    ///   - lifecycle: The lifecycle the log records (``ProgressService/lifecycle()``), read after publishing.
    ///   - olderIsPublished: Whether `older` is published in this store.
    public static func text(
        older: CurriculumRef, newer: CurriculumRef, lifecycle: [String: CurriculumLifecycle], olderIsPublished: Bool
    ) -> String {
        guard olderIsPublished else { return "\(older) is not published here: nothing to supersede (no lifecycle entry)" }
        guard let state = lifecycle[older.description] else {
            return "\(older) is not superseded: no lifecycle entry was written"
        }
        switch state.status {
        case .withdrawn:
            return "\(older) stays withdrawn (since \(state.since)\(state.reason.map { ": \($0)" } ?? "")): "
                + "a withdrawal is final, so no lifecycle entry was written"
        case .superseded where state.successor == newer.description:
            return "\(older) is superseded by it since \(state.since) (lifecycle entry in the log)"
        case .superseded:
            return
                "\(older) stays superseded by \(state.successor ?? "another version") (since \(state.since)): no lifecycle entry was written"
        }
    }
}

extension ProgressService {
    /// ``SupersessionNote/text(older:newer:lifecycle:olderIsPublished:)`` for `older` as the log now records it.
    public func supersessionNote(older: CurriculumRef, newer: CurriculumRef) async throws -> String {
        let published = try await store.publishedCurricula().contains(older)
        return SupersessionNote.text(older: older, newer: newer, lifecycle: try await lifecycle(), olderIsPublished: published)
    }
}
