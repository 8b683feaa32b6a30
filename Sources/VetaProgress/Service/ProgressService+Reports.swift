import Foundation
public import VetaCurricula

/// One trainee's row in `veta cohort`.
public struct CohortRow: Hashable, Sendable, Codable {
    /// The trainee's id.
    public let trainee: String
    /// Full name.
    public let name: String
    /// Enrolment date.
    public let enrolledOn: String?
    /// Percent complete, 0–100.
    public let percentComplete: Double
    /// Units signed off and in force.
    public let unitsSignedOff: Int
    /// Hours recorded.
    public let hoursRecorded: Double
    /// Whether the packaging rules are met.
    public let complete: Bool
    /// When they were met.
    public let completedOn: String?
    /// When the completion expires.
    public let expiresOn: String?
    /// When the trainee withdrew.
    public let withdrawnOn: String?
    /// The version the row is about (`CODE@x.y.z`), set when a cohort spans versions (``ProgressService/cohort(code:asOf:)``).
    public var curriculum: String? = nil

    /// The row as CSV, fields quoted where needed.
    public var csvLine: String {
        [
            trainee, name, enrolledOn ?? "", String(format: "%.1f", percentComplete), String(unitsSignedOff),
            String(format: "%.1f", hoursRecorded), complete ? "yes" : "no", completedOn ?? "", expiresOn ?? "", withdrawnOn ?? "",
        ].map(CSV.cell).joined(separator: ",")
    }
}

extension ProgressService {
    /// Every trainee enrolled in `ref`, with where they stand, by trainee id.
    public func cohort(_ ref: CurriculumRef, asOf date: CalendarDate) async throws -> [CohortRow] {
        let curriculum = try await curriculum(ref)
        let names = Dictionary(uniqueKeysWithValues: try await store.trainees().map { ($0.id, $0.fullName) })
        return try await statuses(in: ref, curriculum: curriculum, asOf: date).map { status in
            CohortRow(
                trainee: status.trainee.rawValue, name: names[status.trainee] ?? "", enrolledOn: status.enrolledOn?.description,
                percentComplete: status.percentComplete,
                unitsSignedOff: status.units.filter { $0.state == .signedOff }.count,
                hoursRecorded: Double(status.minutesRecorded) / 60, complete: status.packagingSatisfied,
                completedOn: status.completedOn?.description, expiresOn: status.expiresOn?.description,
                withdrawnOn: status.withdrawnOn?.description)
        }
    }

    /// The status of every trainee enrolled in `ref`, by trainee id.
    public func statuses(in ref: CurriculumRef, curriculum: Curriculum, asOf date: CalendarDate) async throws -> [EnrolmentStatus] {
        let entries = try await store.entries(in: ref)
        let byTrainee = Dictionary(grouping: entries, by: \.trainee)
        return byTrainee.keys.sorted().compactMap { trainee in
            guard let own = byTrainee[trainee], own.contains(where: { $0.kind == .enrolment && $0.date <= date }) else { return nil }
            return CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: own, asOf: date)
        }
    }

    /// Expired and soon-expiring sign-offs and refreshers due, across every published curriculum.
    public func due(asOf date: CalendarDate, within days: Int) async throws -> [DueItem] {
        var statuses: [EnrolmentStatus] = []
        for ref in try await store.publishedCurricula() {
            statuses += try await self.statuses(in: ref, curriculum: try await curriculum(ref), asOf: date)
        }
        return CompetencyEngine.due(statuses, asOf: date, within: days)
    }
}
