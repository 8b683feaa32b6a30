import VetaCurricula

/// What an enrolment and a piece of evidence must meet before they are written, besides the
/// enrolment rules: a version withdrawn from use (`veta retire`) takes no enrolment, a curriculum
/// published as a draft takes none unless asked, and a site must be one the trainee's employer
/// registered (`veta org add --site`, `veta org amend --site`). One rule for every way a trainee
/// enters a version: `veta enrol`, enrolment imports and `veta migrate` (``versionProblem(_:allowDraft:)``).
///
/// Sites are only ever added to an organisation and a publication never changes, so what is read
/// here still holds when the entry is appended. Keeps what it read, for the rows of an import.
public struct AdmissionCheck {
    private let service: ProgressService
    private var drafts: [CurriculumRef: Bool] = [:]
    private var lifecycle: [String: CurriculumLifecycle]?
    private var sites: [TraineeID: (employer: RFC, sites: Set<String>)?] = [:]
    /// The registry read once for a whole import (``init(service:registry:)``), or nil: each trainee
    /// and organisation is then read from the store as it is first needed.
    private let registry: RegistryState?

    /// A check reading from `service`'s store.
    public init(service: ProgressService) {
        self.service = service
        registry = nil
    }

    /// A check that takes trainees and organisations from `registry` (the log's registry, read
    /// once): for an import, where reading the log's registrations once per trainee made the
    /// import quadratic in the number of trainees.
    public init(service: ProgressService, registry: RegistryState) {
        self.service = service
        self.registry = registry
    }

    /// Why `trainee` cannot be enrolled in `ref` at `site`, or `nil`.
    public mutating func problem(_ trainee: TraineeID, in ref: CurriculumRef, site: String?, allowDraft: Bool) async throws -> String? {
        if let problem = try await versionProblem(ref, allowDraft: allowDraft) { return problem }
        return try await siteProblem(trainee, site: site)
    }

    /// Why version `ref` takes no new enrolment, or `nil`: it was withdrawn from use (`veta retire`),
    /// or it was published as a draft and `allowDraft` is not set.
    public mutating func versionProblem(_ ref: CurriculumRef, allowDraft: Bool) async throws -> String? {
        if lifecycle == nil { lifecycle = try await service.lifecycle() }
        if let withdrawn = lifecycle?[ref.description], withdrawn.status == .withdrawn {
            return "\(ref) was withdrawn on \(withdrawn.since)\(withdrawn.reason.map { " (\($0))" } ?? ""); it takes no new enrolments: "
                + "enrol in a version in use (veta show, veta publish)"
        }
        if !allowDraft, try await isDraft(ref) {
            return "\(ref) was published as a draft (status draft, not for use): publish a current version, or enrol with --allow-draft"
        }
        return nil
    }

    /// Why `site` is not a place where `trainee` may be enrolled or assessed, or `nil` (also when no site is given).
    ///
    /// The log's trainees are read once, on the first site checked, and each employer once: a
    /// trainee read from the log costs a pass over its registry entries, so reading one per row
    /// made an import of N rows into a store of N trainees take N passes.
    public mutating func siteProblem(_ trainee: TraineeID, site: String?) async throws -> String? {
        guard let site, !site.isEmpty else { return nil }
        let known: (employer: RFC, sites: Set<String>)?
        if let cached = sites[trainee] {
            known = cached
        } else {
            let registered: Trainee?
            let organisation: Organisation?
            if let registry {
                registered = registry.trainee(trainee)
                organisation = registered.flatMap { registry.organisation($0.employer) }
            } else {
                registered = try await service.store.trainee(trainee)
                if let registered { organisation = try await service.store.organisation(registered.employer) } else { organisation = nil }
            }
            if let organisation {
                known = (organisation.rfc, Set(organisation.sites))
            } else {
                known = nil
            }
            sites[trainee] = known
        }
        guard let known else { return nil }  // an unregistered trainee is refused for that reason elsewhere
        guard !known.sites.contains(site) else { return nil }
        let registered = known.sites.isEmpty ? "it has none" : "its sites are " + known.sites.sorted().joined(separator: ", ")
        return "site \(site) is not registered for employer \(known.employer) of trainee \(trainee) (\(registered)); "
            + "add it with veta org amend --rfc \(known.employer) --site \"\(site)\" --reason ..."
    }

    private mutating func isDraft(_ ref: CurriculumRef) async throws -> Bool {
        if let known = drafts[ref] { return known }
        let draft = try await service.curriculum(ref).status == .draft
        drafts[ref] = draft
        return draft
    }
}
