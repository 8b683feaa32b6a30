public import VetaCurricula
public import VetaProgress

/// The catalogue-level rules of an audit: occupational areas (for progression) and hours norms.
public struct AuditPolicy: Hashable, Sendable {
    /// An occupational area and its curricula.
    public struct Area: Hashable, Sendable {
        /// The area's name.
        public let name: String
        /// The curricula in it.
        public let curricula: [CurriculumCode]
    }

    /// The areas.
    public let areas: [Area]
    /// Hours norms by level.
    public let hours: [Level: ClosedRange<Int>]
    /// Where the policy came from, for locations.
    public let path: String
    /// Days off beyond Mexico's statutory rest days, skipped when the records audit counts working days.
    public var holidays: Set<CalendarDate> = []

    /// No areas, and the curriculum rules' hours norms.
    public static let `default` = AuditPolicy(
        areas: [], hours: [.operator: 24...2400, .technician: 80...3600, .supervisor: 40...3600], path: "(default policy)")

    /// Reads and validates a policy file against `Schemas/audit-policy.xsd` (compiled in).
    ///
    /// - Returns: The policy, or the diagnostics that say why the file is not one.
    public static func read(_ bytes: [UInt8], path: String) throws -> Result<AuditPolicy, DiagnosticsError> {
        let (root, diagnostics) = try ValidatedXML.read(bytes, path: path, schema: PolicySchema.text, schemaPath: PolicySchema.path)
        guard let root, diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics: diagnostics)) }
        var hours = AuditPolicy.default.hours
        for entry in root.children("hours") {
            guard let level = entry.attributes["level"].flatMap(Level.init(rawValue:)),
                let min = entry.attributes["min"].flatMap({ Int($0) }),
                let max = entry.attributes["max"].flatMap({ Int($0) }), min <= max
            else {
                return .failure(
                    DiagnosticsError(diagnostics: [
                        Diagnostic(
                            code: "VETA-A000", severity: .error, location: entry.location, message: "hours needs min ≤ max",
                            fix: "correct the hours element")
                    ]))
            }
            hours[level] = min...max
        }
        let areas = root.children("area").map { area in
            Area(
                name: area.attributes["name"] ?? "",
                curricula: area.children("curriculum").compactMap { $0.attributes["code"] }.map(CurriculumCode.init))
        }
        var holidays: Set<CalendarDate> = []
        for entry in root.children("holiday") {
            guard let date = entry.attributes["date"].flatMap({ CalendarDate($0) }) else {
                return .failure(
                    DiagnosticsError(diagnostics: [
                        Diagnostic(
                            code: "VETA-A000", severity: .error, location: entry.location,
                            message: "holiday date \(entry.attributes["date"] ?? "") is not a calendar date between 1900 and 2999",
                            fix: "write the date as YYYY-MM-DD")
                    ]))
            }
            holidays.insert(date)
        }
        return .success(AuditPolicy(areas: areas, hours: hours, path: path, holidays: holidays))
    }
}

/// Diagnostics carried as an error.
public struct DiagnosticsError: Error, Hashable, Sendable {
    /// The diagnostics.
    public let diagnostics: [Diagnostic]
}
