import Foundation
public import VetaCurricula

/// The outcome of `veta import`.
public struct ImportReport: Hashable, Sendable, Codable {
    /// What the file held.
    public enum Kind: String, Hashable, Sendable, Codable {
        case trainees, enrolments, evidence
    }

    /// What the file held.
    public let kind: Kind
    /// Data rows read (the header is not counted).
    public let rows: Int
    /// Rows written: all of them, or none when any row is bad.
    public let written: Int
    /// Every bad row, by line number.
    public let errors: [RowError]

    /// One bad row.
    public struct RowError: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The 1-based line in the file.
        public let line: Int
        /// Why it is bad.
        public let reason: String

        public var description: String { "line \(line): \(reason)" }
    }
}

extension ProgressService {
    /// The columns of a trainees file, in any order.
    public static let traineeColumns = [
        "id", "paternal_surname", "maternal_surname", "given_names", "curp", "employer_rfc", "occupation", "job_title",
    ]
    /// The columns of an enrolments file, in any order; `site` may be left out.
    public static let enrolmentColumns = ["trainee", "curriculum", "date", "site"]
    /// The columns of an evidence file, in any order; the last five may be left out.
    public static let evidenceColumns = [
        "trainee", "curriculum", "unit", "target", "method", "outcome", "date", "hours", "site", "note", "assessor", "attachment_sha256",
    ]

    /// Imports trainees or evidence from CSV, all or nothing: every row is checked first, and if
    /// any is bad nothing is written and every bad row is reported.
    ///
    /// - Parameter progress: Called with (rows done, rows in all) while checking and writing.
    public func importCSV(fileAt path: String, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> ImportReport {
        let records: [CSV.Record]
        do {
            records = try CSV.parse(try FileBytes.read(path))
        } catch let error as CSV.SyntaxError {
            throw Refusal("\(path) is not CSV", reasons: [error.description])
        }
        guard let header = records.first else { throw Refusal("\(path) is empty") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let rows = Array(records.dropFirst())
        if Set(columns) == Set(Self.traineeColumns) {
            return try await importTrainees(rows, columns: columns, progress: progress)
        }
        if Set(Self.enrolmentColumns.prefix(3)).isSubset(of: Set(columns)), Set(columns).isSubset(of: Set(Self.enrolmentColumns)) {
            return try await importEnrolments(rows, columns: columns, progress: progress)
        }
        if Set(Self.evidenceColumns.prefix(7)).isSubset(of: Set(columns)), Set(columns).isSubset(of: Set(Self.evidenceColumns)) {
            return try await importEvidence(rows, columns: columns, progress: progress)
        }
        throw Refusal(
            "\(path): the header names neither a trainees file nor an evidence file",
            reasons: [
                "trainees: " + Self.traineeColumns.joined(separator: ","),
                "enrolments: " + Self.enrolmentColumns.joined(separator: ",") + " (site optional)",
                "evidence: " + Self.evidenceColumns.joined(separator: ",") + " (the last five optional)",
            ])
    }

    private func importTrainees(_ rows: [CSV.Record], columns: [String], progress: (@Sendable (Int, Int) -> Void)?) async throws
        -> ImportReport
    {
        let existing = Set(try await store.trainees().map(\.id))
        var employers: [RFC: Bool] = [:]
        var errors: [ImportReport.RowError] = []
        var trainees: [Trainee] = []
        var seenIDs: Set<TraineeID> = []
        var seenCURPs: Set<CURP> = []
        for (index, row) in rows.enumerated() {
            progress?(index + 1, rows.count)
            guard row.fields.count == columns.count else {
                errors.append(.init(line: row.line, reason: "\(row.fields.count) fields, expected \(columns.count)"))
                continue
            }
            let value = Dictionary(uniqueKeysWithValues: zip(columns, row.fields.map(\.trimmedSpaces)))
            do {
                let id = TraineeID(value["id"] ?? "")
                guard !id.rawValue.isEmpty else { throw Refusal("id is empty") }
                guard !existing.contains(id), seenIDs.insert(id).inserted else { throw Refusal("trainee \(id) already exists") }
                let curp = try CURP(value["curp"] ?? "")
                guard seenCURPs.insert(curp).inserted else { throw Refusal("CURP \(curp) appears twice in the file") }
                let employer = try RFC(value["employer_rfc"] ?? "")
                if employers[employer] == nil { employers[employer] = try await store.organisation(employer) != nil }
                guard employers[employer] == true else { throw Refusal("employer \(employer) is not registered") }
                trainees.append(
                    Trainee(
                        id: id, paternalSurname: value["paternal_surname"] ?? "", maternalSurname: value["maternal_surname"] ?? "",
                        givenNames: value["given_names"] ?? "", curp: curp, employer: employer, occupation: value["occupation"] ?? "",
                        jobTitle: value["job_title"] ?? ""))
            } catch {
                errors.append(.init(line: row.line, reason: String(describing: error)))
            }
        }
        guard errors.isEmpty else { return ImportReport(kind: .trainees, rows: rows.count, written: 0, errors: errors) }
        try await store.add(trainees)
        return ImportReport(kind: .trainees, rows: rows.count, written: trainees.count, errors: [])
    }

    private func importEnrolments(_ rows: [CSV.Record], columns: [String], progress: (@Sendable (Int, Int) -> Void)?) async throws
        -> ImportReport
    {
        let known = Set(try await store.trainees().map(\.id))
        let existing = try await store.entries(ofKinds: [.enrolment, .withdrawal, .correction])
        let byTrainee = Dictionary(grouping: existing, by: \.trainee)
        var refs: [String: CurriculumRef] = [:]
        var errors: [ImportReport.RowError] = []
        var entries: [LedgerEntry] = []
        var seen: Set<String> = []
        for (index, row) in rows.enumerated() {
            if index % 1024 == 0 { progress?(index, rows.count) }
            guard row.fields.count == columns.count else {
                errors.append(.init(line: row.line, reason: "\(row.fields.count) fields, expected \(columns.count)"))
                continue
            }
            let value = Dictionary(uniqueKeysWithValues: zip(columns, row.fields.map(\.trimmedSpaces)))
            do {
                let trainee = TraineeID(value["trainee"] ?? "")
                guard known.contains(trainee) else { throw Refusal("trainee \(trainee) is not registered") }
                let text = value["curriculum"] ?? ""
                let ref: CurriculumRef
                if let cached = refs[text] {
                    ref = cached
                } else {
                    ref = try await resolve(text)
                    refs[text] = ref
                }
                guard let date = CalendarDate(value["date"] ?? "") else { throw Refusal("date \(value["date"] ?? "") is not YYYY-MM-DD") }
                guard !EnrolmentState(byTrainee[trainee] ?? [], trainee: trainee, ref: ref, asOf: date).isActive,
                    seen.insert(trainee.rawValue + " " + ref.description).inserted
                else { throw Refusal("trainee \(trainee) is already enrolled in \(ref)") }
                let site = value["site"].flatMap { $0.isEmpty ? nil : $0 }
                entries.append(LedgerEntry(kind: .enrolment, trainee: trainee, curriculum: ref, date: date, site: site))
            } catch let refusal as Refusal {
                errors.append(.init(line: row.line, reason: refusal.summary))
            }
        }
        guard errors.isEmpty else { return ImportReport(kind: .enrolments, rows: rows.count, written: 0, errors: errors) }
        let stored = try await store.append(entries) { _ in }
        return ImportReport(kind: .enrolments, rows: rows.count, written: stored.count, errors: [])
    }

    private func importEvidence(_ rows: [CSV.Record], columns: [String], progress: (@Sendable (Int, Int) -> Void)?) async throws
        -> ImportReport
    {
        let context = try await ImportContext.load(self)
        var errors: [ImportReport.RowError] = []
        var entries: [LedgerEntry] = []
        entries.reserveCapacity(rows.count)
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        for (number, row) in rows.enumerated() {
            if number % 1024 == 0 { progress?(number, rows.count * 2) }
            guard row.fields.count == columns.count else {
                errors.append(.init(line: row.line, reason: "\(row.fields.count) fields, expected \(columns.count)"))
                continue
            }
            func field(_ name: String) -> String? {
                index[name].map { row.fields[$0].trimmedSpaces }.flatMap { $0.isEmpty ? nil : $0 }
            }
            switch await context.entry(
                trainee: field("trainee"), curriculum: field("curriculum"), unit: field("unit"), target: field("target"),
                method: field("method"), outcome: field("outcome"), date: field("date"), hours: field("hours"), site: field("site"),
                note: field("note"), assessor: field("assessor"), attachment: field("attachment_sha256"))
            {
            case .success(let entry): entries.append(entry)
            case .failure(let refusal): errors.append(.init(line: row.line, reason: refusal.reasons.joined(separator: "; ")))
            }
        }
        guard errors.isEmpty else { return ImportReport(kind: .evidence, rows: rows.count, written: 0, errors: errors) }
        let total = rows.count
        let counter = ProgressCounter()
        let stored = try await store.append(entries) { _ in
            let done = counter.increment()
            if done % 1024 == 0 || done == total { progress?(total + done, total * 2) }
        }
        return ImportReport(kind: .evidence, rows: rows.count, written: stored.count, errors: [])
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; fast for the common case of none.
    var trimmedSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard isSpace(first) || isSpace(last) else { return self }
        return String(
            String.UnicodeScalarView(unicodeScalars.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        )
    }
}

/// A thread-safe counter for progress callbacks.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
