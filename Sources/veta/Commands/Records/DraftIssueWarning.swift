import VetaCurricula
import VetaProgress

/// Issuing from a draft curriculum is allowed (a pilot group enrolled with `--allow-draft`) but
/// never silent: the records stand on a curriculum that may still change, so `veta issue` says so
/// on stderr, once per draft curriculum, after listing what it issued.
enum DraftIssueWarning {
    static func warn(about refs: [CurriculumRef], in progress: ProgressService) async throws {
        var seen: Set<CurriculumRef> = []
        for ref in refs where seen.insert(ref).inserted {
            guard try await progress.curriculum(ref).status == .draft else { continue }
            Terminal.err(
                "veta: warning: \(ref) is a draft curriculum (enrolled with --allow-draft): the records issued from it name a draft; "
                    + "publish it as current and issue again for records that should stand on it\n")
        }
    }
}
