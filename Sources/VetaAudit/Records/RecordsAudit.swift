import Foundation
public import VetaCurricula
public import VetaProgress
public import VetaRecords

/// Audits the store: the ledger verifies, every issued record is backed by evidence, every sign-off
/// was authorised, DC-3s were delivered in time, revocation and supersession are consistent.
public enum RecordsAudit {
    /// Audits everything in `service`'s store, judging lateness and evidence as the records stood when issued.
    /// Working days skip weekends, Mexico's statutory rest days and the `policy`'s holidays.
    ///
    /// - Parameter trainees: When given (`--site`), only the records and sign-offs of these trainees
    ///   are audited; the ledger's own findings stay, as the log is one for every site.
    public static func audit(
        _ service: RecordService, asOf: CalendarDate?, policy: AuditPolicy = .default, trainees only: Set<String>? = nil
    ) async throws -> AuditReport {
        var findings: [AuditFinding] = []
        let progress = service.progress
        let ledger = try await service.verifyLedger()
        for problem in ledger.problems {
            findings.append(
                AuditFinding(
                    AuditRule.ledgerBroken.finding(SourceLocation(file: "store:ledger", line: Int(problem.sequence)), problem.reason)))
        }
        let trainees = Dictionary(uniqueKeysWithValues: try await progress.store.trainees().map { ($0.id, $0) })
        findings += try await signOffs(progress, employers: trainees, only: only)
        let records = try await service.records.records().filter { only?.contains($0.trainee.rawValue) ?? true }
        let zone = try await progress.timeZone()
        let serials = Set(records.map(\.serial))
        // Each record's issue entry: what the store knew at issue is the log before it.
        var issueEntries: [String: Int64] = [:]
        for entry in try await progress.store.entries(ofKinds: [.issue]) {
            if let serial = entry.record?.serial, issueEntries[serial] == nil { issueEntries[serial] = entry.sequence }
        }
        for record in records {
            let employer = trainees[record.trainee]?.employer.rawValue
            let location = SourceLocation(file: "store:record/\(record.serial)", line: 0)
            // The issue day on the site's calendar; the decision judged on what the store knew at that instant.
            let issuedAt = Instant.parse(record.issuedAt)
            let issuedOn = try issuedAt.map { try CalendarDate(localDateOf: $0, in: zone) } ?? record.validFrom
            // What the store knew: the entries before the issue entry in the chain (not a one-second time cut).
            let knownThrough = issueEntries[record.serial].map { $0 - 1 }
            if let reasons = try await notBacked(record, service: service, on: issuedOn, knownAt: issuedAt, knownThrough: knownThrough) {
                findings.append(
                    AuditFinding(
                        AuditRule.recordIssuedUnbacked.finding(
                            location,
                            "\(record.serial) for \(record.trainee) was issued on \(issuedOn) without backing in what the store knew at \(record.issuedAt): \(reasons.joined(separator: "; "))"
                        ),
                        curriculum: record.curriculum.description, employer: employer))
            } else if let reasons = try await notBacked(record, service: service, on: issuedOn, knownAt: nil, knownThrough: nil) {
                findings.append(
                    AuditFinding(
                        AuditRule.recordNotBacked.finding(
                            location,
                            "\(record.serial) for \(record.trainee) is no longer backed as of \(issuedOn) (it was when issued): \(reasons.joined(separator: "; "))"
                        ),
                        curriculum: record.curriculum.description, employer: employer))
            }
            if record.format == .dc3 {
                let days = WorkingDays.between(record.validFrom, issuedOn, holidays: policy.holidays)
                if days > 20 {
                    findings.append(
                        AuditFinding(
                            AuditRule.dc3Late.finding(
                                location,
                                "DC-3 \(record.serial) was issued \(days) working days after completion on \(record.validFrom) (limit 20)"),
                            curriculum: record.curriculum.description, employer: employer))
                }
            }
            for event in try await service.records.events(record.serial) where event.kind == .superseded {
                let successors = event.note.split(separator: " ").map(String.init)
                let missing = successors.filter { !serials.contains($0) }
                if successors.isEmpty || !missing.isEmpty {
                    findings.append(
                        AuditFinding(
                            AuditRule.lifecycleInconsistent.finding(
                                location,
                                "\(record.serial) is marked superseded by \(event.note.isEmpty ? "nothing" : event.note), which is not in the registry"
                            ),
                            curriculum: record.curriculum.description, employer: employer))
                }
            }
        }
        let curricula = Set(records.map(\.curriculum.description)).sorted()
        let employers = Set(records.compactMap { trainees[$0.trainee]?.employer.rawValue }).sorted()
        return AuditReport(kind: "records", asOf: asOf?.description, curricula: curricula, employers: employers, findings: findings)
    }

    /// Why the engine, re-run as of the issue date, would not issue `record`: on the entries the store
    /// had recorded by `knownAt` (the issue decision as it was made), or with `knownAt` nil on today's
    /// ledger (every correction applied, whenever it was made, voiding carried along provenance).
    static func notBacked(
        _ record: IssuedRecord, service: RecordService, on date: CalendarDate, knownAt: Date?, knownThrough: Int64?
    ) async throws -> [String]? {
        let backing: RecordBacking?
        do {
            backing = try await service.backing(of: record, knownAt: knownAt, knownThrough: knownThrough)
        } catch let refusal as Refusal {
            // The trainee's entries do not verify (B001 names where): nothing backs the record.
            return [refusal.summary]
        }
        guard let backing else { return nil }
        return (backing.voided.isEmpty ? [] : [backing.summary]) + backing.missing
    }

    /// B003: sign-offs by assessors the log authorised for the unit on the day they signed.
    static func signOffs(_ progress: ProgressService, employers: [TraineeID: Trainee], only: Set<String>? = nil) async throws
        -> [AuditFinding]
    {
        var findings: [AuditFinding] = []
        let voided = CompetencyEngine.voidedSequences(try await progress.store.entries(ofKinds: [.correction, .signOff]), asOf: .latest)
        // Whether the log authorised the assessor for the unit on the day of the sign-off.
        let registry = try await progress.store.registry()
        for entry in try await progress.store.entries(ofKinds: [.signOff])
        where !voided.contains(entry.sequence) && only?.contains(entry.trainee.rawValue) ?? true {
            guard let unit = entry.unit, let id = entry.assessor else { continue }
            if !registry.isAuthorised(id, for: unit, on: entry.date) {
                findings.append(
                    AuditFinding(
                        AuditRule.signOffUnauthorised.finding(
                            SourceLocation(file: "store:ledger", line: Int(entry.sequence)),
                            "sign-off of \(unit) for \(entry.trainee) on \(entry.date) by \(id), who is not authorised for \(unit)"),
                        curriculum: entry.curriculum.description, employer: employers[entry.trainee]?.employer.rawValue))
            }
        }
        return findings
    }
}

/// Working days between two dates: Monday to Friday, less Mexico's statutory rest days
/// (``MexicanRestDays``) and the extra `holidays` an audit policy lists.
enum WorkingDays {
    static func between(_ start: CalendarDate, _ end: CalendarDate, holidays: Set<CalendarDate> = []) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if !isWeekend(day) && !MexicanRestDays.contains(day) && !holidays.contains(day) { count += 1 }
        }
        return count
    }

    /// Zeller-style weekday: 0 = Saturday … 6 = Friday.
    static func isWeekend(_ date: CalendarDate) -> Bool {
        var month = date.month
        var year = date.year
        if month < 3 {
            month += 12
            year -= 1
        }
        let k = year % 100
        let j = year / 100
        let weekday = (date.day + 13 * (month + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7
        return weekday == 0 || weekday == 1
    }
}
