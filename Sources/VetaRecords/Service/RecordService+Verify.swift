import Foundation
public import VetaProgress

/// What `veta verify` found about a file.
public struct VerificationReport: Hashable, Sendable, Codable {
    /// One check and its outcome.
    public struct Check: Hashable, Sendable, Codable {
        /// What was checked.
        public let name: String
        /// Whether it passed.
        public let passed: Bool
        /// Why, in words.
        public let detail: String
    }

    /// The record's serial, when the file is a known record.
    public let serial: String?
    /// Every check, in order; verification stops at the first that fails.
    public let checks: [Check]
    /// The checks that could not be made and why (verification without the issuer's store:
    /// the registry, or the status list without a site); nil when every check could be made.
    public let unchecked: [Check]?
    /// The verdict in one word: `VALID` only when every check passed; `REVOKED` (the record or the
    /// one issued with it was revoked), `SUPERSEDED` (a re-issue replaced it), `KEY COMPROMISED` (signed
    /// with a key the issuer retired as compromised, on or after that day), `SIGNATURE VALID, ISSUER NOT AUTHENTICATED`
    /// (only an embedded did:key vouched for the signature), else `NOT VALID`.
    public let verdict: String

    /// Creates a report; the verdict follows from the checks.
    public init(serial: String?, checks: [Check], unchecked: [Check]? = nil) {
        self.serial = serial
        self.checks = checks
        self.unchecked = unchecked
        let failed = checks.first { !$0.passed }
        switch failed?.name {
        case nil: verdict = checks.isEmpty ? "NOT VALID" : "VALID"
        case "revocation": verdict = "REVOKED"
        case "supersession": verdict = "SUPERSEDED"
        case Self.issuerNotAuthenticated: verdict = "SIGNATURE VALID, ISSUER NOT AUTHENTICATED"
        case Self.keyCompromised: verdict = "KEY COMPROMISED"
        default: verdict = "NOT VALID"
        }
    }

    /// The name of the check a record signed with a key retired as compromised fails (``KeyCompromise``):
    /// its verdict is `KEY COMPROMISED`.
    public static let keyCompromised = "key compromise"

    /// The name of the check an embedded did:key fails: the signature holds, the issuer is not authenticated.
    public static let issuerNotAuthenticated = "issuer authentication"

    /// Whether every check passed.
    public var isValid: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }
}

extension RecordService {
    /// Verifies an issued file (a `.jwt` credential or a DC-3 `.pdf`) offline against the registry.
    public func verify(_ bytes: [UInt8], asOf date: CalendarDate) async throws -> VerificationReport {
        var checks: [VerificationReport.Check] = []
        func fail(_ name: String, _ detail: String, serial: String? = nil) -> VerificationReport {
            checks.append(.init(name: name, passed: false, detail: detail))
            return VerificationReport(serial: serial, checks: checks)
        }
        let hash = SHA256Hex.of(bytes)
        if bytes.starts(with: Array("%PDF".utf8)) {
            guard let entry = try await records.issueEntry(sha256: hash), let record = IssuedRecord(entry: entry), record.format == .dc3
            else {
                return fail(
                    "registry",
                    "no DC-3 constancia with this content is registered (sha256 \(hash.prefix(16))…): altered or not issued here")
            }
            checks.append(.init(name: "registry", passed: true, detail: "DC-3 \(record.serial), sha256 matches"))
            let logged = try await logCheck(entry, selfSigned: false)
            checks.append(logged)
            guard logged.passed else { return VerificationReport(serial: record.serial, checks: checks) }
            if let issuer = try await records.issuer(record.issuer),
                let keyCheck = Self.compromiseCheck(entry: entry, issuer: issuer, credentialKey: nil, zone: try await progress.timeZone())
            {
                checks.append(keyCheck)
                guard keyCheck.passed else { return VerificationReport(serial: record.serial, checks: checks) }
            }
            return try await lifecycle(record, date: date, checks: checks)
        }
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let claimed: (kid: String?, credential: AchievementCredential)
        do {
            claimed = try VCJWT.unverifiedCredential(token)
        } catch {
            return fail("format", "\(error)")
        }
        let serial = claimed.credential.id.replacingOccurrences(of: "urn:veta:record:", with: "")
        let claimedIssuer = claimed.credential.issuer.id
        let named = try await records.issuer(claimedIssuer)
        let byDID = claimedIssuer.hasPrefix("did:web:") ? try await records.issuers().first { $0.did == claimedIssuer } : nil
        guard let issuer = named ?? byDID, let key = Self.key(of: issuer, kid: claimed.kid) else {
            return fail("issuer", "issuer \(claimed.credential.issuer.id) is not a known issuer", serial: serial)
        }
        checks.append(.init(name: "issuer", passed: true, detail: "\(issuer.name) (\(issuer.id))"))
        do {
            _ = try await VCJWT.verify(token, with: key)
            checks.append(.init(name: "signature", passed: true, detail: "Ed25519 signature verifies with the issuer's key"))
        } catch {
            return fail("signature", "\(error)", serial: serial)
        }
        guard let entry = try await records.entry(.issue, serial), let record = IssuedRecord(entry: entry) else {
            return fail("registry", "serial \(serial) is not in the registry", serial: serial)
        }
        guard record.sha256 == SHA256Hex.of(Array(token.utf8)) else {
            return fail("registry", "the credential differs from the one registered as \(serial)", serial: serial)
        }
        checks.append(.init(name: "registry", passed: true, detail: "\(serial) registered on \(record.issuedAt), content matches"))
        let logged = try await logCheck(entry, selfSigned: true)
        checks.append(logged)
        guard logged.passed else { return VerificationReport(serial: serial, checks: checks) }
        // A key retired as compromised voids what it signed on or after the day it was compromised.
        if let keyCheck = Self.compromiseCheck(entry: entry, issuer: issuer, credentialKey: key, zone: try await progress.timeZone()) {
            checks.append(keyCheck)
            guard keyCheck.passed else { return VerificationReport(serial: serial, checks: checks) }
        }
        return try await lifecycle(record, date: date, checks: checks)
    }

    /// The "log" check of a record's issue entry: the whole log verifies (hash chain, signatures,
    /// record entries), so the entry and every revocation after it are as they were appended; and the
    /// entry is signed by its issuer. An entry migrated from the registry that preceded the log
    /// carries no issuer signature: it proves a file only when the file is signed itself
    /// (`selfSigned`, a credential whose VC-JWT signature was checked); a DC-3 has no signature of
    /// its own, and an unsigned entry is what anyone who can write the store file could append.
    private func logCheck(_ entry: LedgerEntry, selfSigned: Bool) async throws -> VerificationReport.Check {
        let report = try await verifyLedger()
        if let first = report.problems.first {
            let mine = report.problems.first { $0.sequence == entry.sequence }
            return .init(
                name: "log", passed: false,
                detail: (mine.map { "its entry \(entry.sequence) does not verify: \($0.reason)" }
                    ?? "the log does not verify (first bad entry \(first.sequence): \(first.reason))")
                    + "; no record is VALID on a log that does not verify: run veta ledger verify")
        }
        if entry.record?.isMigrated == true && !selfSigned {
            return .init(
                name: "log", passed: false,
                detail: "entry \(entry.sequence) was migrated from the registry that preceded the log and carries no issuer "
                    + "signature, and a DC-3 has no signature of its own: nothing but the store file vouches for it, and anyone "
                    + "who can write that file could have added it. Re-issue it (veta reissue \(entry.record?.serial ?? "SERIAL")) "
                    + "for a record signed in the log")
        }
        let how =
            entry.record?.isMigrated == true
            ? "migrated from the registry that preceded the log (unsigned; see the README)" : "signed by its issuer"
        return .init(name: "log", passed: true, detail: "entry \(entry.sequence) of an intact log of \(report.entries) entries, \(how)")
    }

    /// Revocation, supersession and validity window.
    private func lifecycle(_ record: IssuedRecord, date: CalendarDate, checks: [VerificationReport.Check]) async throws
        -> VerificationReport
    {
        var checks = checks
        // The credential and the DC-3 issued with it are one issuance: a revocation of either is reported by both.
        let events = try await issuanceEvents(record)
        let revocations = events.filter { $0.kind == .revoked && $0.date <= date }
        if let revoked = revocations.first(where: { $0.serial == record.serial }) ?? revocations.first {
            let whose = revoked.serial == record.serial ? "" : " with \(revoked.serial), issued together with it,"
            checks.append(.init(name: "revocation", passed: false, detail: "revoked\(whose) on \(revoked.date): \(revoked.note)"))
            return VerificationReport(serial: record.serial, checks: checks)
        }
        checks.append(.init(name: "revocation", passed: true, detail: "not revoked"))
        if let backing = try await backing(of: record) {
            checks.append(.init(name: "evidence", passed: false, detail: backing.summary))
            return VerificationReport(serial: record.serial, checks: checks)
        }
        // A superseded record no longer stands: its successor does.
        if let superseded = events.first(where: { $0.kind == .superseded && $0.serial == record.serial }) {
            checks.append(
                .init(
                    name: "supersession", passed: false,
                    detail: "SUPERSEDED by \(superseded.note) on \(superseded.date); verify the successor instead"))
            return VerificationReport(serial: record.serial, checks: checks)
        }
        if record.validFrom > date {
            checks.append(.init(name: "validity", passed: false, detail: "not valid before \(record.validFrom)"))
        } else if let until = record.validUntil, until <= date {
            checks.append(.init(name: "validity", passed: false, detail: "expired on \(until)"))
        } else {
            checks.append(
                .init(
                    name: "validity", passed: true,
                    detail: "valid from \(record.validFrom)" + (record.validUntil.map { " until \($0)" } ?? "")))
        }
        return VerificationReport(serial: record.serial, checks: checks)
    }

    /// Revokes a record: verification reports it from `date` on. "Already revoked" is checked inside
    /// the write transaction that appends the revocation.
    public func revoke(_ serial: String, reason: String, on date: CalendarDate) async throws {
        try await revokeIssuance(serial, reason: reason, on: date)
    }

    /// Re-issues a record (after a correction or a recertification): new serials, and the old record
    /// and the others issued with it (a credential and its DC-3) marked superseded in the same
    /// transaction that registers the new ones.
    public func reissue(_ serial: String, key: SigningKey, outputFolder: String, asOf date: CalendarDate) async throws -> [Issued] {
        guard let old = try await records.record(serial) else { throw Refusal("no record \(serial)") }
        try await progress.requireNotAfterToday(date, for: "a re-issue")
        let batch = try await issuance(of: old)
        // A revoked record is not re-issued: the trainee is issued anew once competent again.
        for record in batch {
            if let revoked = try await records.entry(.revocation, record.serial) {
                throw Refusal(
                    "\(record.serial) was revoked on \(revoked.date) and cannot be re-issued; once the trainee is competent again, "
                        + "issue a new record (veta issue)")
            }
        }
        // Named for the serial asked about (its own supersession first), with its own successor.
        for record in [old] + batch.filter({ $0.serial != old.serial }) {
            if let earlier = try await records.entry(.supersession, record.serial) {
                let successors = SupersededRefusal.successors(earlier)
                var own: String?
                for successor in successors where own == nil {
                    if try await records.record(successor)?.format == old.format { own = successor }
                }
                throw SupersededRefusal.refusal(serial, by: successors, own: own)
            }
        }
        let credential = batch.first { $0.format == .ob3 }?.serial ?? serial
        return try await issue(
            trainee: old.trainee, curriculum: old.curriculum, unit: old.unit, dc3: batch.contains { $0.format == .dc3 }, issuer: old.issuer,
            key: key, outputFolder: outputFolder, asOf: date, supersedes: credential, superseding: batch)
    }

    /// The DC-4 list: one CSV row per DC-3 constancia issued to the employer's workers in `year`;
    /// `estado` is where it stands today (``RecordStanding/dc4State``).
    public func dc4(employer: RFC, year: Int) async throws -> String {
        var lines = [
            "folio,curp,apellido_paterno,apellido_materno,nombre,ocupacion,puesto,curso,horas,fecha_inicio,fecha_termino,constancia_sha256,estado"
        ]
        let trainees = Dictionary(uniqueKeysWithValues: try await progress.store.trainees().map { ($0.id, $0) })
        let today = try await progress.today()
        for record in try await records.records() where record.format == .dc3 && record.validFrom.year == year {
            guard let trainee = trainees[record.trainee], trainee.employer == employer else { continue }
            let curriculum = try await progress.curriculum(record.curriculum)
            let enrolment = try await progress.enrolment(of: record.trainee, in: record.curriculum, asOf: record.validFrom)
            let unit = record.unit.flatMap { curriculum.unit($0) }
            // The hours of the units achieved when the record was issued, not the curriculum's volume.
            let status = try await progress.status(of: record.trainee, asOf: record.validFrom).first { $0.curriculum == record.curriculum }
            let hours = status.map { AchievedHours.hours(of: AchievedHours.units($0, in: curriculum, unit: record.unit)) }
            // As `veta verify` judges it on the store today (``standing(of:on:)``): never vigente
            // for a record whose evidence was voided since, or whose issuance partner was revoked.
            let state = try await standing(of: record, on: today).dc4State
            let fields = [
                record.serial, trainee.curp.rawValue, trainee.paternalSurname, trainee.maternalSurname, trainee.givenNames,
                trainee.occupation,
                trainee.jobTitle, unit.map { "\($0.code) \($0.title.es)" } ?? "\(curriculum.code) \(curriculum.title.es)",
                String(hours ?? unit?.hours ?? curriculum.volumeOfLearningHours), (enrolment.enrolledOn ?? record.validFrom).description,
                record.validFrom.description, record.sha256, state,
            ]
            lines.append(fields.map(CSV.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Issues for every trainee enrolled in `ref` who has completed it and holds no standing record for it.
    ///
    /// One trainee's problem never stops the cohort: the others are issued, and the result lists
    /// each trainee not issued with what went wrong and the fix (``CohortIssue/Failure``). Only a
    /// log that does not verify stops it before anything is issued.
    public func issueCohort(
        _ ref: CurriculumRef, dc3: Bool, issuer: String, key: SigningKey, outputFolder: String, asOf date: CalendarDate,
        progress report: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> CohortIssue {
        // A date after today refuses the whole cohort, not each trainee in turn.
        try await progress.requireNotAfterToday(date, for: "an issue")
        let curriculum = try await progress.curriculum(ref)
        let statuses = try await progress.statuses(in: ref, curriculum: curriculum, asOf: date).filter {
            $0.packagingSatisfied && !$0.isWithdrawn
        }
        var standing: Set<TraineeID> = []
        for record in try await records.records() where record.curriculum == ref && record.unit == nil && record.format == .ob3 {
            let events = try await records.events(record.serial)
            if !events.contains(where: { $0.kind == .revoked || $0.kind == .superseded }) { standing.insert(record.trainee) }
        }
        var result = CohortIssue()
        let todo = statuses.filter { !standing.contains($0.trainee) }
        if !todo.isEmpty { try await requireIntactLog() }
        // Serials reserved together, every credential signed over the cores outside any transaction.
        await issueCohortBatch(
            todo.map(\.trainee), ref: ref, dc3: dc3, issuer: issuer, key: key, outputFolder: outputFolder, asOf: date, into: &result,
            progress: report)
        return result
    }
}

extension RecordService {
    /// The serial `offset` after `serial` (`VETA-YYYY-NNNNNN`), or nil when `serial` has no number.
    static func serial(_ serial: String, offset: Int) -> String? {
        guard let dash = serial.lastIndex(of: "-"), let number = Int(serial[serial.index(after: dash)...]), number + offset > 0 else {
            return nil
        }
        return String(serial[...dash]) + String(format: "%06d", number + offset)
    }
}

extension RecordService {
    /// The issuer's key a credential's `kid` names: `DID#key-N` (its Nth key), a `did:key` that
    /// is one of its keys, or else its current key (credentials whose kid names none of them then
    /// fail the signature check).
    static func key(of issuer: Issuer, kid: String?) -> PublicSigningKey? {
        let keys = issuer.keys
        if let kid, kid.hasPrefix(issuer.did + "#key-"), let n = Int(kid.dropFirst((issuer.did + "#key-").count)),
            keys.indices.contains(n - 1)
        {
            return keys[n - 1]
        }
        if let kid, kid.hasPrefix("did:key:"), let hash = kid.firstIndex(of: "#"),
            let embedded = try? PublicSigningKey(String(kid[kid.index(kid.startIndex, offsetBy: 8)..<hash])), keys.contains(embedded)
        {
            return embedded
        }
        return try? PublicSigningKey(issuer.publicKey)
    }
}
