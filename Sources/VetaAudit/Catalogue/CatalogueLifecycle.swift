import VetaCurricula
import VetaProgress

/// A catalogue curriculum's status for the audit: what the store's log says about the version
/// (superseded or withdrawn, ``CurriculumLifecycle``) before the `status` its bytes were published with.
enum CatalogueLifecycle {
    /// The status the audit judges by; a withdrawn version counts as superseded (not in use).
    static func status(_ curriculum: Curriculum, _ lifecycle: [String: CurriculumLifecycle]) -> CurriculumStatus {
        lifecycle["\(curriculum.code)@\(curriculum.version)"] == nil ? curriculum.status : .superseded
    }

    /// Whether the version is part of the current catalogue: not superseded or withdrawn (a draft is).
    static func isInUse(_ curriculum: Curriculum, _ lifecycle: [String: CurriculumLifecycle]) -> Bool {
        status(curriculum, lifecycle) != .superseded
    }
}
