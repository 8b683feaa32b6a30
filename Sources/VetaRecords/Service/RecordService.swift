import Foundation
public import VetaCurricula
public import VetaProgress

/// Issues, verifies, revokes and re-issues completion records from the evidence in the store.
public struct RecordService: Sendable {
    /// The progress side: curricula, trainees, the ledger and the engine.
    public let progress: ProgressService
    /// The record registry.
    public let records: RecordStore

    /// Creates the service.
    public init(progress: ProgressService, records: RecordStore) {
        self.progress = progress
        self.records = records
    }

    /// Artifacts written by one issue.
    public struct Issued: Hashable, Sendable {
        /// The registered record.
        public let record: IssuedRecord
        /// Where its artifact was written.
        public let path: String
    }

    /// Issues records for `trainee`'s completion of `ref` (or one unit of it), if the competency
    /// engine says the trainee is competent as of `date`; otherwise refuses with what is missing.
    ///
    /// The OB3 credential is always issued; `dc3` adds the constancia PDF, tied to it by a hash and QR code.
    /// In order: the log must verify; serials are reserved (committed, never given again); the
    /// credential is signed and the PDF rendered outside any transaction; the issue entries (signed
    /// by the issuer) and the artifacts' bytes are committed to the log in one transaction; then the
    /// files are written, each atomically. A kill at any point leaves nothing, or a registered record
    /// whose file ``reexport(_:outputFolder:)`` writes again. `superseding` are the records a
    /// re-issue replaces: their supersession entries are committed with the new records.
    public func issue(
        trainee id: TraineeID, curriculum ref: CurriculumRef, unit: UnitCode?, dc3: Bool, issuer issuerID: String, key: SigningKey,
        outputFolder: String, asOf date: CalendarDate, supersedes: String? = nil, superseding: [IssuedRecord] = []
    ) async throws -> [Issued] {
        try await requireIntactLog()
        return try await issueOnLog(
            trainee: id, curriculum: ref, unit: unit, dc3: dc3, issuer: issuerID, key: key, outputFolder: outputFolder, asOf: date,
            supersedes: supersedes, superseding: superseding)
    }

    /// ``issue(trainee:curriculum:unit:dc3:issuer:key:outputFolder:asOf:supersedes:superseding:)`` once the log is known to verify.
    func issueOnLog(
        trainee id: TraineeID, curriculum ref: CurriculumRef, unit: UnitCode?, dc3: Bool, issuer issuerID: String, key: SigningKey,
        outputFolder: String, asOf date: CalendarDate, supersedes: String?, superseding: [IssuedRecord], onlyIfNoneStanding: Bool = false
    ) async throws -> [Issued] {
        // An issue is a write dated `date`, like any other: nothing is dated after the site's today.
        try await progress.requireNotAfterToday(date, for: "an issue")
        let inputs = try await issueInputs(trainee: id, curriculum: ref, unit: unit, issuer: issuerID, key: key, asOf: date)
        let (issuer, trainee, curriculum, status) = (inputs.issuer, inputs.trainee, inputs.curriculum, inputs.status)
        let (completion, achieved, organisation, assessorNames) = (
            inputs.completion, inputs.achieved, inputs.organisation, inputs.assessorNames
        )
        let salt = CredentialBuilder.salt()
        try ArtifactFile.createFolder(outputFolder)

        let checkpoint = try await records.checkpoint()
        let serials = try await records.reserveSerials(count: dc3 ? 2 : 1, year: completion.from.year)
        do {
            _ = try StatusListIndex.of(serial: serials[0])
        } catch {
            throw Refusal("\(error)")
        }
        // Outside any transaction: sign the credential, render the constancia.
        var credential = CredentialBuilder.credential(
            serial: serials[0], curriculum: curriculum, unit: completion.unit, trainee: trainee, issuer: issuer, validFrom: completion.from,
            validUntil: completion.until, salt: salt, achieved: achieved,
            timeZone: try await progress.timeZone())
        credential.evidence = [CredentialBuilder.checkpointEvidence(size: checkpoint.size, hash: checkpoint.hash)]
        let tokenBytes = try CredentialSigner(key, kid: issuer.keyID(for: key.publicKey)).token(credential)
        let tokenHash = SHA256Hex.of(tokenBytes)
        func record(_ serial: String, _ format: IssuedRecord.Format, _ bytes: [UInt8], supersedes: String?) -> IssuedRecord {
            IssuedRecord(
                serial: serial, format: format, trainee: id, curriculum: ref, unit: unit, issuer: issuer.id, issuedAt: "",
                validFrom: completion.from, validUntil: completion.until, sha256: SHA256Hex.of(bytes), supersedes: supersedes)
        }
        var artifacts = [
            (record: record(serials[0], .ob3, tokenBytes, supersedes: supersedes), checkpoint: checkpoint, artifact: tokenBytes)
        ]
        if dc3 {
            let constancia = DC3Mapping.constancia(
                serial: serials[1], trainee: trainee, organisation: organisation, curriculum: curriculum, unit: completion.unit,
                issuer: issuer, enrolledOn: status.enrolledOn ?? completion.from, completedOn: completion.from,
                instructor: assessorNames, credentialSerial: serials[0], credentialHash: tokenHash,
                hours: AchievedHours.hours(of: achieved))
            let pdf = try DC3Renderer.pdf(for: constancia)
            artifacts.append((record: record(serials[1], .dc3, pdf, supersedes: nil), checkpoint: checkpoint, artifact: pdf))
        }
        // Commit the log entries; only then write the files.
        let registered = try await records.register(
            artifacts, key: key, superseding: superseding, on: date, onlyIfNoneStanding: onlyIfNoneStanding)
        var issued: [Issued] = []
        for (record, item) in zip(registered, artifacts) {
            let path = outputFolder + "/" + record.serial + (record.format == .ob3 ? ".jwt" : ".pdf")
            try ArtifactFile.write(item.artifact, to: path, serial: record.serial)
            issued.append(Issued(record: record, path: path))
        }
        return issued
    }

    /// Writes the file of a registered record again from the bytes the log's signed sha256 proves.
    public func reexport(_ serial: String, outputFolder: String) async throws -> Issued {
        guard let record = try await records.record(serial) else { throw Refusal("no record \(serial)") }
        guard let bytes = try await records.artifact(serial) else {
            if try await records.entry(.issue, serial)?.record?.isMigrated == true {
                throw Refusal(
                    "\(serial) was registered before issued records entered the log: its file was not kept and cannot be exported again")
            }
            throw Refusal("the stored file of \(serial) is missing from the store, which was changed outside Veta; run veta ledger verify")
        }
        guard SHA256Hex.of(bytes) == record.sha256 else {
            throw Refusal("the stored file of \(serial) does not match the sha256 registered in the log; run veta ledger verify")
        }
        try ArtifactFile.createFolder(outputFolder)
        let path = outputFolder + "/" + serial + (record.format == .ob3 ? ".jwt" : ".pdf")
        try ArtifactFile.write(bytes, to: path, serial: serial, replacing: true)
        return Issued(record: record, path: path)
    }

    /// The dates of the completion asked for, or the refusal listing what is missing.
    static func completion(_ status: EnrolmentStatus, unit: UnitCode?, curriculum: Curriculum) throws -> (
        from: CalendarDate, until: CalendarDate?, unit: VetaCurricula.Unit?
    ) {
        if let unit {
            guard let model = curriculum.unit(unit), let unitStatus = status.units.first(where: { $0.unit == unit }) else {
                throw Refusal("\(status.curriculum) has no unit \(unit)")
            }
            guard unitStatus.state == .signedOff, let from = unitStatus.signedOffOn else {
                throw Refusal(
                    "\(status.trainee) is not yet competent in \(unit) (\(unitStatus.state.rawValue)); missing:",
                    reasons: missingForIssue(unitStatus))
            }
            return (from, unitStatus.expiresOn, model)
        }
        guard status.packagingSatisfied, let from = status.completedOn else {
            throw Refusal(
                "\(status.trainee) has not completed \(status.curriculum); missing:",
                reasons: status.missing.isEmpty ? ["a completion date: no sign-off of the units that complete it"] : status.missing)
        }
        return (from, status.expiresOn, nil)
    }

    /// What a unit that is not signed off still needs, never empty: the engine's list, then the unit's
    /// own sign-off (an evidence-complete unit lacks only that; an expired one already names its renewal).
    static func missingForIssue(_ unitStatus: UnitStatus) -> [String] {
        guard unitStatus.state != .expired else {
            return unitStatus.missing.isEmpty ? ["a new sign-off of \(unitStatus.unit)"] : unitStatus.missing
        }
        return unitStatus.missing + ["a sign-off of \(unitStatus.unit) by an assessor authorised for it"]
    }

    /// The names of the assessors of the sign-offs in force for the units concerned, for the DC-3's
    /// instructor line: a voided sign-off, or one whose evidence was voided, names nobody.
    func signingAssessors(_ trainee: TraineeID, ref: CurriculumRef, unit: UnitCode?, in curriculum: Curriculum, asOf date: CalendarDate)
        async throws -> String
    {
        let entries = try await progress.store.entries(for: trainee)
        let inForce = CompetencyEngine.signOffsInForce(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: date)
        let ids = Set(inForce.filter { unit == nil || $0.key == unit }.compactMap(\.value.assessor))
        var names: [String] = []
        for id in ids.sorted() { names.append(try await progress.store.assessor(id)?.name ?? id.rawValue) }
        return names.joined(separator: ", ")
    }
}

/// `try #require`-like unwrapping that throws the given error.
func `require`<T>(_ value: T?, _ error: some Error) throws -> T {
    guard let value else { throw error }
    return value
}
