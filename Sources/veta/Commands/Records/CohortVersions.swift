import VetaCurricula
import VetaProgress

/// The versions `veta issue --cohort` works through, and what it says when it issues nothing.
enum CohortVersions {
    /// `CODE@x.y.z`: that version. `CODE`: every published version of the code, oldest first, so
    /// each trainee is judged in the version they are enrolled in.
    static func refs(_ target: CurriculumTarget, in service: ProgressService) async throws -> [CurriculumRef] {
        guard target.version == nil else { return [try await service.resolve(target)] }
        let versions = try await service.versions(of: target.code)
        if versions.isEmpty { _ = try await service.resolve(target) }
        return versions
    }

    /// Why nothing was issued. A cohort with nobody enrolled (and not withdrawn) in the versions
    /// asked is a problem: a ``Refusal`` (exit 1) that names the versions trainees are enrolled in.
    /// Otherwise the counts, so "nothing to issue" is never said without its reason.
    static func nothingIssued(_ target: CurriculumTarget, refs: [CurriculumRef], in service: ProgressService, asOf date: CalendarDate)
        async throws -> String
    {
        var enrolled = 0
        var competent = 0
        for ref in refs {
            let statuses = try await service.statuses(in: ref, curriculum: try await service.curriculum(ref), asOf: date).filter {
                !$0.isWithdrawn
            }
            enrolled += statuses.count
            competent += statuses.filter(\.packagingSatisfied).count
        }
        guard enrolled > 0 else {
            var elsewhere: [String] = []
            for ref in try await service.versions(of: target.code) where !refs.contains(ref) {
                let count = try await service.statuses(in: ref, curriculum: try await service.curriculum(ref), asOf: date).filter {
                    !$0.isWithdrawn
                }.count
                if count > 0 { elsewhere.append("\(count) in \(ref)") }
            }
            throw Refusal(
                "nothing issued: no trainee is enrolled in \(target) on \(date)",
                reasons: elsewhere.isEmpty
                    ? ["enrol trainees first (veta enrol)"]
                    : ["trainees are enrolled in other versions: \(elsewhere.joined(separator: ", ")); name that version or the bare code"])
        }
        let why = competent == 0 ? "none competent yet (veta cohort \(target))" : "\(competent) competent, each already holding a record"
        return "nothing to issue: \(enrolled) trainees in training in \(target), \(why)\n"
    }
}
