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
    public func issue(
        trainee id: TraineeID, curriculum ref: CurriculumRef, unit: UnitCode?, dc3: Bool, issuer issuerID: String, key: SigningKey,
        outputFolder: String, asOf date: CalendarDate, supersedes: String? = nil
    ) async throws -> [Issued] {
        guard let issuer = try await records.issuer(issuerID) else {
            throw Refusal("issuer \(issuerID) is not registered (veta issuer add)")
        }
        guard (try? PublicSigningKey(issuer.publicKey)) == key.publicKey else {
            throw Refusal("the key given is not the one registered for issuer \(issuerID)")
        }
        guard let trainee = try await progress.store.trainee(id) else { throw Refusal("no trainee \(id)") }
        let curriculum = try await progress.curriculum(ref)
        let status = try require(
            try await progress.status(of: id, asOf: date).first { $0.curriculum == ref }, Refusal("trainee \(id) is not enrolled in \(ref)")
        )
        let completion = try Self.completion(status, unit: unit, curriculum: curriculum)
        let organisation = try await progress.store.organisation(trainee.employer)
        let assessorNames = try await signingAssessors(id, ref: ref, unit: unit)
        let issuedAt = ISO8601DateFormatter().string(from: Date())
        let salt = CredentialBuilder.salt()
        try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)

        // Sign before taking the registry's write lock: serials are assigned inside it, so build per serial.
        let year = completion.from.year
        return try await records.issue(count: dc3 ? 2 : 1, year: year) { serials in
            let credential = CredentialBuilder.credential(
                serial: serials[0], curriculum: curriculum, unit: completion.unit, trainee: trainee, issuer: issuer,
                validFrom: completion.from,
                validUntil: completion.until, salt: salt)
            let token = try Self.blockingSign(credential, key: key)
            let tokenBytes = Array(token.utf8)
            let tokenHash = SHA256Hex.of(tokenBytes)
            let tokenPath = outputFolder + "/" + serials[0] + ".jwt"
            var records = [
                IssuedRecord(
                    serial: serials[0], format: .ob3, trainee: id, curriculum: ref, unit: unit, issuer: issuer.id, issuedAt: issuedAt,
                    validFrom: completion.from, validUntil: completion.until, sha256: tokenHash, supersedes: supersedes)
            ]
            var files: [(String, [UInt8])] = [(tokenPath, tokenBytes)]
            if dc3 {
                let constancia = DC3Mapping.constancia(
                    serial: serials[1], trainee: trainee, organisation: organisation, curriculum: curriculum, unit: completion.unit,
                    issuer: issuer, enrolledOn: status.enrolledOn ?? completion.from, completedOn: completion.from,
                    instructor: assessorNames, credentialSerial: serials[0], credentialHash: tokenHash)
                let pdf = try DC3Renderer.pdf(for: constancia)
                records.append(
                    IssuedRecord(
                        serial: serials[1], format: .dc3, trainee: id, curriculum: ref, unit: unit, issuer: issuer.id, issuedAt: issuedAt,
                        validFrom: completion.from, validUntil: completion.until, sha256: SHA256Hex.of(pdf), supersedes: nil))
                files.append((outputFolder + "/" + serials[1] + ".pdf", pdf))
            }
            for (path, bytes) in files {
                guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                    throw StoreError(.storage, "cannot write \(path)")
                }
            }
            return (records, zip(records, files).map { Issued(record: $0, path: $1.0) })
        }
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
                    reasons: unitStatus.missing)
            }
            return (from, unitStatus.expiresOn, model)
        }
        guard status.packagingSatisfied, let from = status.completedOn else {
            throw Refusal("\(status.trainee) has not completed \(status.curriculum); missing:", reasons: status.missing)
        }
        return (from, status.expiresOn, nil)
    }

    /// The names of the assessors who signed off the units concerned, for the DC-3's instructor line.
    func signingAssessors(_ trainee: TraineeID, ref: CurriculumRef, unit: UnitCode?) async throws -> String {
        let entries = try await progress.store.entries(for: trainee)
        let ids = Set(
            entries.filter { $0.kind == .signOff && $0.curriculum == ref && (unit == nil || $0.unit == unit) }.compactMap(\.assessor))
        var names: [String] = []
        for id in ids.sorted() { names.append(try await progress.store.assessor(id)?.name ?? id.rawValue) }
        return names.joined(separator: ", ")
    }

    /// jwt-kit signs asynchronously; the registry's transaction is synchronous.
    static func blockingSign(_ credential: AchievementCredential, key: SigningKey) throws -> String {
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        Task {
            do { box.set(.success(try await VCJWT.sign(credential, with: key))) } catch { box.set(.failure(error)) }
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get()
    }
}

/// Carries an async result across a semaphore.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<String, any Error> = .failure(RecordError("not signed"))

    func set(_ value: Result<String, any Error>) {
        lock.lock()
        result = value
        lock.unlock()
    }

    func get() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        return try result.get()
    }
}

/// `try #require`-like unwrapping that throws the given error.
func `require`<T>(_ value: T?, _ error: some Error) throws -> T {
    guard let value else { throw error }
    return value
}
