import Foundation
public import VetaCurricula
public import VetaProgress

/// Audits a catalogue of curricula as a whole: validity, one meaning per unit code, progression
/// between levels, hours norms, succession of superseded versions, one current version per code.
public enum CatalogueAudit {
    /// Audits the validation results of a catalogue (from ``CurriculumValidator/validate(paths:keepingModels:progress:)``).
    ///
    /// `lifecycle` is what the store's log says about published versions (superseded, withdrawn):
    /// it overrides the `status` attribute the published bytes were frozen with.
    public static func audit(
        _ results: [ValidationResult], policy: AuditPolicy, lifecycle: [String: CurriculumLifecycle] = [:]
    ) -> AuditReport {
        var findings: [AuditFinding] = []
        // Only valid curricula take part in the catalogue rules; the invalid ones are A001 findings.
        let curricula = results.filter { !$0.hasErrors }.compactMap { result in result.curriculum.map { (result, $0) } }
        for result in results where result.hasErrors {
            let first = result.diagnostics.first { $0.severity == .error }
            let location = first?.location ?? SourceLocation(file: result.path, line: 0)
            findings.append(
                AuditFinding(
                    AuditRule.invalidCurriculum.finding(
                        location,
                        "\(result.path) does not validate: \(result.diagnostics.filter { $0.severity == .error }.count) errors, first \(first?.code ?? ""): \(first?.message ?? "")"
                    ),
                    curriculum: result.code?.rawValue))
        }
        let all = curricula.map(\.1)
        let inUse = all.filter { CatalogueLifecycle.isInUse($0, lifecycle) }
        findings += unitConsistency(inUse)
        findings += progression(all.filter { CatalogueLifecycle.status($0, lifecycle) == .current }, policy: policy)
        findings += hours(all, policy: policy)
        findings += succession(all, lifecycle: lifecycle)
        let names = curricula.map { "\($0.1.code)@\($0.1.version)" }
        return AuditReport(kind: "catalogue", asOf: nil, curricula: names, employers: [], findings: findings)
    }

    static func key(_ c: Curriculum) -> String { "\(c.code)@\(c.version)" }

    /// A001/A002: the same unit code means the same unit in every curriculum of the catalogue in use.
    /// Two versions of one curriculum are not compared: `veta diff` classifies their changes.
    static func unitConsistency(_ curricula: [Curriculum]) -> [AuditFinding] {
        var first: [UnitCode: (Curriculum, VetaCurricula.Unit)] = [:]
        var findings: [AuditFinding] = []
        for curriculum in curricula {
            for unit in curriculum.units {
                guard let (otherCurriculum, other) = first[unit.code], otherCurriculum.code != curriculum.code else {
                    if first[unit.code] == nil { first[unit.code] = (curriculum, unit) }
                    continue
                }
                if let difference = UnitComparison.firstDifference(other, unit) {
                    findings.append(
                        AuditFinding(
                            AuditRule.unitDiffers.finding(
                                unit.location,
                                "unit \(unit.code) differs from the one in \(key(otherCurriculum)) (\(other.location)): \(difference)"),
                            curriculum: key(curriculum)))
                }
            }
        }
        return findings
    }

    /// A003: within an area, higher levels include the operator curricula's safety-critical units.
    static func progression(_ curricula: [Curriculum], policy: AuditPolicy) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for area in policy.areas {
            let members = curricula.filter { area.curricula.contains($0.code) && $0.status == .current }
            let required = members.filter { $0.level == .operator }.flatMap { operatorCurriculum in
                operatorCurriculum.units.filter(\.isSafetyCritical).map { ($0.code, operatorCurriculum) }
            }
            for curriculum in members where curriculum.level != .operator {
                let has = Set(curriculum.units.map(\.code))
                for (code, source) in required where !has.contains(code) {
                    findings.append(
                        AuditFinding(
                            AuditRule.progression.finding(
                                curriculum.location,
                                "\(curriculum.level.rawValue) curriculum \(key(curriculum)) in area \"\(area.name)\" lacks safety unit \(code) of operator curriculum \(key(source))"
                            ),
                            curriculum: key(curriculum)))
                }
            }
        }
        return findings
    }

    /// A004: hours within the policy's norms.
    static func hours(_ curricula: [Curriculum], policy: AuditPolicy) -> [AuditFinding] {
        curricula.compactMap { curriculum in
            guard let norm = policy.hours[curriculum.level], !norm.contains(curriculum.volumeOfLearningHours) else { return nil }
            return AuditFinding(
                AuditRule.hoursOutsideNorm.finding(
                    curriculum.volumeOfLearningLocation,
                    "\(key(curriculum)) has \(curriculum.volumeOfLearningHours) h; the policy's norm for \(curriculum.level.rawValue) is \(norm.lowerBound)–\(norm.upperBound) h"
                ),
                curriculum: key(curriculum))
        }
    }

    /// A005/A006: superseded versions have successors; one current version per code.
    /// The store's lifecycle (when given) says which versions are superseded or withdrawn.
    static func succession(_ curricula: [Curriculum], lifecycle: [String: CurriculumLifecycle] = [:]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        let successors = Set(curricula.compactMap { c in c.supersedes.map { "\($0.code)@\($0.version)" } })
            .union(lifecycle.filter { $0.value.status == .superseded || $0.value.status == .withdrawn }.keys)
        for curriculum in curricula
        where CatalogueLifecycle.status(curriculum, lifecycle) == .superseded && !successors.contains(key(curriculum)) {
            findings.append(
                AuditFinding(
                    AuditRule.supersededWithoutSuccessor.finding(
                        curriculum.location, "\(key(curriculum)) is superseded but no curriculum in the catalogue supersedes it"),
                    curriculum: key(curriculum)))
        }
        let current = Dictionary(grouping: curricula.filter { CatalogueLifecycle.status($0, lifecycle) == .current }, by: \.code)
        for (code, versions) in current where versions.count > 1 {
            let sorted = versions.sorted { $0.version < $1.version }
            for older in sorted.dropLast() {
                findings.append(
                    AuditFinding(
                        AuditRule.twoCurrentVersions.finding(
                            older.location,
                            "\(code) has \(versions.count) current versions: \(sorted.map { $0.version.description }.joined(separator: ", "))"
                        ),
                        curriculum: key(older)))
            }
        }
        return findings
    }
}
