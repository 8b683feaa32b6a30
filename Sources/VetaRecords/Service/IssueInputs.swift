import VetaCurricula
import VetaProgress

/// What one issue needs from the store, gathered and checked before any serial is reserved: a
/// refusal here costs no serial.
struct IssueInputs: Sendable {
    let issuer: Issuer
    let trainee: Trainee
    let curriculum: Curriculum
    let status: EnrolmentStatus
    let completion: (from: CalendarDate, until: CalendarDate?, unit: VetaCurricula.Unit?)
    let achieved: [VetaCurricula.Unit]
    let organisation: Organisation?
    let assessorNames: String
}

extension RecordService {
    /// The inputs of `trainee`'s record for `ref` (or `unit` of it) by `issuerID` with `key`, or the
    /// refusal naming what is wrong: an unknown issuer, a key not the issuer's, an issuer URL with no
    /// did:web, an unknown trainee, no enrolment, or what the trainee still misses.
    func issueInputs(
        trainee id: TraineeID, curriculum ref: CurriculumRef, unit: UnitCode?, issuer issuerID: String, key: SigningKey,
        asOf date: CalendarDate
    ) async throws -> IssueInputs {
        guard let issuer = try await records.issuer(issuerID) else {
            throw Refusal("issuer \(issuerID) is not registered (veta issuer add)")
        }
        guard (try? PublicSigningKey(issuer.publicKey)) == key.publicKey else {
            throw Refusal("the key given is not the one registered for issuer \(issuerID)")
        }
        do {
            _ = try DIDWeb.did(issuerURL: issuer.id)
        } catch {
            throw Refusal("issuer \(issuerID): \(error); credentials name their issuer by did:web")
        }
        guard let trainee = try await progress.store.trainee(id) else { throw Refusal("no trainee \(id)") }
        let curriculum = try await progress.curriculum(ref)
        let status = try require(
            try await progress.status(of: id, asOf: date).first { $0.curriculum == ref }, Refusal("trainee \(id) is not enrolled in \(ref)")
        )
        let completion = try Self.completion(status, unit: unit, curriculum: curriculum)
        return IssueInputs(
            issuer: issuer, trainee: trainee, curriculum: curriculum, status: status, completion: completion,
            achieved: AchievedHours.units(status, in: curriculum, unit: unit),
            organisation: try await progress.store.organisation(trainee.employer),
            assessorNames: try await signingAssessors(id, ref: ref, unit: unit, in: curriculum, asOf: date))
    }
}
