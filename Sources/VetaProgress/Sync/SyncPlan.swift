import Foundation
import VetaCurricula

/// Decides, entry by entry, what `veta sync import` does with each received entry (``SyncReceipt/State``)
/// against this store as it is at `end`, and gathers the copies, in the order they will be appended
/// after the receipt. The rules (README, "Sites and synchronisation"):
///
/// - Down (centre to site): curricula, organisations, trainees, assessors, authorisations and their
///   withdrawals, amendments and lifecycles are copied; the centre's copies of progress are kept only.
/// - Up (site to centre): progress (enrolments, withdrawals, evidence, sign-offs, corrections),
///   organisations, trainees, assessors, amendments and curricula are copied; authorisations are the centre's.
/// - A registration this store already holds alike is `same`; a copy the sender made of this store's
///   own entry is `known`, once the sender's receipt of it shows this store still holds that entry,
///   the same bytes (else the import is refused: `SyncPlan+OwnEntries.swift`); a site's settings, imports, receipts and records are kept, except that a
///   site applies the centre's revocation of a record the site issued (`SyncPlan+Revocation.swift`).
/// - Conflicts are kept, not applied, and named: a trainee id registered here with another CURP (or
///   the CURP under another id; the registration here stands and the sender's later entries about
///   that trainee are held with it); an enrolment in a curriculum the trainee is already enrolled in
///   here (the first enrolment stands); evidence or a sign-off by an assessor this store does not
///   authorise for the unit on its date (a withdrawal the site had not learned of: it does not count here).
struct SyncPlan {
    let service: ProgressService
    let me: SiteIdentity
    let sender: SyncBundle.Body
    /// The last entry of this store's chain when the plan was made (the receipt is entry `end + 1`).
    let end: Int64
    private(set) var lines: [SyncReceipt.Line] = []
    private(set) var copies: [LedgerEntry] = []
    private(set) var curricula: [PublishedCurriculum] = []
    private(set) var acknowledged: Int64 = 0
    private var registry: RegistryState
    private var next: Int64
    private var mapped: [Int64: Int64] = [:]
    private var knownCopies: [Int64: Int64] = [:]
    private var heldTrainees: Set<String> = []
    private var conflictEnrolments: Set<String> = []
    private var progress: [TraineeID: [LedgerEntry]] = [:]

    init(service: ProgressService, me: SiteIdentity, sender: SyncBundle.Body, held: [SyncReceipt], end: Int64) async throws {
        self.service = service
        self.me = me
        self.sender = sender
        self.end = end
        registry = try await service.store.registry()
        next = end + 2  // the receipt is entry end + 1
        for receipt in held {
            acknowledged = max(acknowledged, receipt.acknowledged)
            for line in receipt.lines {
                if let local = line.local, [.copied, .known, .same].contains(line.state) { mapped[line.sequence] = local }
                let keys = CanonicalKeys(line.bytes)
                if line.state == .conflictCURP, let subject = keys?.text("subject") { heldTrainees.insert(subject) }
                if line.state == .conflictEnrolment, let trainee = keys?.text("trainee"), let ref = keys?.text("curriculum") {
                    conflictEnrolments.insert(trainee + "|" + (ref.split(separator: "@").first.map(String.init) ?? ref))
                }
            }
        }
    }

    /// Decides what to do with the sender's next entry.
    mutating func take(_ original: LedgerEntry) async throws {
        var entry = original
        if !entry.kind.isRecord { entry.record = nil }
        if !entry.kind.isRegistry { entry.registry = nil }
        let bytes = LedgerCanonicalEncoding.bytes(of: entry)
        func line(_ state: SyncReceipt.State, _ local: Int64? = nil, _ reason: String = "") -> SyncReceipt.Line {
            SyncReceipt.Line(sequence: entry.sequence, state: state, local: local, signature: entry.signature, bytes: bytes, reason: reason)
        }
        if let mine = knownCopies[entry.sequence] {
            mapped[entry.sequence] = mine
            return lines.append(line(.known, mine))
        }
        let (state, reason) = try await decide(entry)
        guard state == .copied else {
            if state == .same, let local = reason.local { mapped[entry.sequence] = local }
            return lines.append(line(state, state == .same ? reason.local : nil, reason.text))
        }
        var copy = entry
        copy.corrects = entry.corrects.flatMap { mapped[$0] }
        copy.derivedFrom = entry.derivedFrom.flatMap { mapped[$0] }
        copy.sequence = next
        if copy.kind.isRegistry { registry.apply(copy) }
        if !copy.kind.isRegistry { progress[copy.trainee, default: []].append(copy) }
        copies.append(copy)
        mapped[entry.sequence] = next
        lines.append(line(.copied, next))
        next += 1
    }

    private typealias Reason = (text: String, local: Int64?)

    /// The state of one entry, and why.
    private mutating func decide(_ entry: LedgerEntry) async throws -> (SyncReceipt.State, Reason) {
        let site = sender.site
        func kept(_ text: String) -> (SyncReceipt.State, Reason) { (.kept, (text, nil)) }
        switch entry.kind {
        case .receipt:
            if let receipt = SyncReceipt(entry), receipt.origin == me.id {
                try await checkOwnEntries(in: receipt)
                acknowledged = max(acknowledged, receipt.last)
                for line in receipt.lines where line.state == .copied { if let local = line.local { knownCopies[local] = line.sequence } }
            }
            return kept("")
        case .revocation:
            return try await revocationState(entry)
        case .setting, .importBatch, .issuer, .issue, .supersession:
            return kept("a \(entry.kind.rawValue) entry of \(site) is kept here, not applied")
        case .enrolment, .withdrawal, .evidence, .signOff, .correction:
            guard me.role == .centre else { return kept("progress from \(site) is kept at a site, not applied") }
            return try await progressState(entry)
        case .authorisation, .deauthorisation, .lifecycle:
            guard me.role == .site else { return kept("a \(entry.kind.rawValue) is the centre's: kept, not applied") }
            return registryState(entry)
        case .organisation, .trainee, .assessor, .amendment, .publication:
            return registryState(entry)
        }
    }

    private mutating func registryState(_ entry: LedgerEntry) -> (SyncReceipt.State, Reason) {
        let site = sender.site
        guard let details = entry.registry else { return (.kept, ("a \(entry.kind.rawValue) entry with no details", nil)) }
        let subject = details.subject
        switch entry.kind {
        case .organisation:
            if let here = registry.organisations[subject] {
                guard here["name"] == details.fields["name"] else {
                    return (
                        .kept,
                        (
                            "organisation \(subject) is registered here as \(here["name"] ?? "?") (\(site) says \(details.fields["name"] ?? "?"))",
                            nil
                        )
                    )
                }
                return (.same, ("", nil))
            }
        case .trainee:
            let curp = details.fields["curp"] ?? ""
            if let here = registry.trainees[subject] {
                guard here["curp"] == curp else {
                    heldTrainees.insert(subject)
                    return (
                        .conflictCURP,
                        (
                            "trainee \(subject) is registered here with CURP \(here["curp"] ?? "?"); \(site) registered \(subject) with CURP \(curp): the registration here stands",
                            nil
                        )
                    )
                }
                return (.same, ("", nil))
            }
            if let holder = registry.trainees.first(where: { $0.value["curp"] == curp })?.key {
                heldTrainees.insert(subject)
                return (
                    .conflictCURP,
                    (
                        "CURP \(curp) is registered here for trainee \(holder); \(site) registered it for trainee \(subject): the registration here stands",
                        nil
                    )
                )
            }
            guard registry.organisations[details.fields["employer"] ?? ""] != nil else {
                heldTrainees.insert(subject)
                return (.kept, ("trainee \(subject)'s employer \(details.fields["employer"] ?? "?") is not registered here", nil))
            }
        case .assessor:
            if let here = registry.assessors[subject] {
                guard here["publicKey"] == details.fields["publicKey"] else {
                    return (.kept, ("assessor \(subject) is registered here with another public key", nil))
                }
                return (.same, ("", nil))
            }
        case .amendment where details.fields["of"] == "trainee":
            // An amendment of a trainee whose registration from this site conflicts would change another person here.
            if heldTrainees.contains(subject) {
                return (
                    .held, ("amends trainee \(subject), whose registration from \(site) conflicts with the one here: held with it", nil)
                )
            }
            let curp = details.fields["curp"] ?? ""
            if let holder = registry.trainees.first(where: { $0.key != subject && $0.value["curp"] == curp })?.key {
                return (
                    .conflictCURP,
                    (
                        "\(site) amends trainee \(subject) to CURP \(curp), which is registered here for trainee \(holder): the registration here stands",
                        nil
                    )
                )
            }
        case .publication:
            if let sha = registry.curricula[subject] {
                guard sha == entry.attachmentSHA256 else { return (.kept, ("\(subject) is published here with other bytes", nil)) }
                return (.same, ("", nil))
            }
            guard let ref = CurriculumRef(syncText: subject),
                let xml = sender.curricula.first(where: { $0.ref == subject }).flatMap({ Data(base64Encoded: $0.xml) }),
                SHA256Hex.of(Array(xml)) == entry.attachmentSHA256
            else { return (.kept, ("the bundle does not carry the bytes of \(subject)", nil)) }
            var trial = registry
            trial.apply(entry)
            guard trial.problems.count == registry.problems.count else { return (.kept, (trial.problems.last?.reason ?? "", nil)) }
            curricula.append(PublishedCurriculum(ref: ref, xml: Array(xml)))
            return (.copied, ("", nil))
        default: break
        }
        var trial = registry
        var probe = entry
        probe.sequence = next
        trial.apply(probe)
        if trial.problems.count > registry.problems.count {
            let reason = trial.problems.last?.reason ?? ""
            // Granting what is granted here, withdrawing what is withdrawn: the same, not a change.
            if entry.kind == .authorisation || entry.kind == .deauthorisation { return (.same, ("", nil)) }
            return (.kept, (reason, nil))
        }
        return (.copied, ("", nil))
    }

    private mutating func progressState(_ entry: LedgerEntry) async throws -> (SyncReceipt.State, Reason) {
        let site = sender.site
        let trainee = entry.trainee.rawValue
        if heldTrainees.contains(trainee) {
            return (.held, ("trainee \(trainee)'s registration from \(site) conflicts with the one here: held with it", nil))
        }
        guard registry.trainees[trainee] != nil else { return (.held, ("trainee \(trainee) is not registered here", nil)) }
        let key = trainee + "|" + entry.curriculum.code.rawValue
        switch entry.kind {
        case .enrolment:
            let known = try await entries(of: entry.trainee)
            if let active = EnrolmentState.activeEnrolment(in: known, trainee: entry.trainee, code: entry.curriculum.code) {
                conflictEnrolments.insert(key)
                return (
                    .conflictEnrolment,
                    (
                        "trainee \(trainee) is already enrolled here in \(active.ref) since \(active.enrolledOn); \(site)'s enrolment of \(entry.date) is kept, not applied: the first stands",
                        nil
                    )
                )
            }
        case .withdrawal:
            if conflictEnrolments.contains(key) { return (.held, ("withdraws \(site)'s enrolment that conflicted: held with it", nil)) }
        case .evidence, .signOff:
            if let assessor = entry.assessor, let unit = entry.unit, !registry.isAuthorised(assessor, for: unit, on: entry.date) {
                return (
                    .conflictAuthorisation,
                    (
                        "assessor \(assessor) was not authorised here for \(unit) on \(entry.date) (withdrawn or never granted here): the \(entry.kind == .signOff ? "sign-off" : "evidence") does not count here",
                        nil
                    )
                )
            }
        default: break
        }
        if let corrects = entry.corrects, mapped[corrects] == nil {
            return (.held, ("corrects entry \(corrects) of \(site), which was not applied here", nil))
        }
        if let origin = entry.derivedFrom, mapped[origin] == nil {
            return (.held, ("carries over entry \(origin) of \(site), which was not applied here", nil))
        }
        _ = try await entries(of: entry.trainee)
        return (.copied, ("", nil))
    }

    /// The trainee's entries here, with the copies planned so far.
    private mutating func entries(of trainee: TraineeID) async throws -> [LedgerEntry] {
        if let known = progress[trainee] { return known }
        let stored = try await service.store.entries(for: trainee)
        progress[trainee] = stored
        return stored
    }
}
