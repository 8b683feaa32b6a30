import VetaCurricula

/// The text outline `veta show` prints.
struct CurriculumOutline {
    let curriculum: Curriculum
    let language: Show.Language
    /// Whether each unit's texts follow its summary (`--detail`).
    var detail = false

    func render() -> String {
        var lines: [String] = []
        let c = curriculum
        lines.append("\(c.code) \(c.version)  \(title(c.title))")
        lines.append("  level: \(c.level.rawValue)" + frameworks + "   status: \(c.status.rawValue)   published: \(c.published)")
        lines.append("  sector: SCIAN \(c.sector.scian) \(c.sector.name)")
        for occupation in c.occupations { lines.append("  occupation: SINCO \(occupation.sinco) \(occupation.name)") }
        lines.append("  issuing body: \(c.issuingBody)")
        if let old = c.supersedes {
            lines.append("  supersedes: \(old.code) \(old.version) (\(old.equivalent ? "equivalent" : "not equivalent"))")
        }
        if let recert = c.recertification {
            let refresher = recert.refresherHours.map { ", refresher \($0) h" } ?? ""
            lines.append("  valid for: \(recert.validityMonths) months\(refresher)")
        }
        if let dc3 = c.dc3 { lines.append("  DC-3: thematic area \(dc3.thematicArea.printed); course name: \(dc3.courseName)") }
        lines.append("  volume of learning: \(c.volumeOfLearningHours) h in \(c.units.count) unit\(c.units.count == 1 ? "" : "s")")
        if !c.references.isEmpty {
            lines.append("  references: " + c.references.map { $0.code + ($0.clause.map { " §\($0)" } ?? "") }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("  Units")
        let role = roles
        for unit in c.units {
            let flag = unit.isSafetyCritical ? " [safety]" : ""
            let criteria = unit.elements.reduce(0) { $0 + $1.criteria.count }
            lines.append(
                "  \(unit.code.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(unit.hours).leftPadded(4)) h  \(role[unit.code] ?? "-")\(flag)  \(title(unit.title))"
            )
            let points = unit.knowledgeEvidence.reduce(0) { $0 + $1.points.count }
            let knowledge = "\(unit.knowledgeEvidence.count) knowledge items" + (points > 0 ? " (\(points) points)" : "")
            var details =
                "      \(unit.elements.count) element\(unit.elements.count == 1 ? "" : "s"), \(criteria) criteria, \(knowledge), evidence on \(occasions(unit)) occasion(s)"
            if !unit.prerequisites.isEmpty { details += "; requires " + unit.prerequisites.map(\.code.rawValue).joined(separator: ", ") }
            lines.append(details)
            if let skills = unit.foundationSkills {
                lines.append("      foundation skills: " + skills.map { title($0.name) }.joined(separator: "; "))
            }
            if let range = unit.rangeOfConditions {
                lines.append("      range of conditions: " + range.map { title($0.name) }.joined(separator: "; "))
            }
            if let provenance = unit.provenance {
                lines.append("      source: " + provenance.summary + (provenance.textsSummary.map { "; \($0)" } ?? ""))
            }
            if let supersedes = unit.supersedes {
                lines.append("      supersedes \(supersedes.unit) (\(supersedes.equivalent ? "equivalent" : "not equivalent"))")
            }
            if let parts = unit.notStatedInSource {
                lines.append("      not stated in source: " + parts.map(\.name).joined(separator: ", "))
            }
            if let parts = unit.notYetTranscribed {
                lines.append("      not yet transcribed: " + parts.map(\.name).joined(separator: ", "))
            }
            if !unit.untranscribedElements.isEmpty {
                lines.append(
                    "      criteria not yet transcribed: element "
                        + unit.untranscribedElements.map { String($0.number) }.joined(separator: ", "))
            }
            if detail { lines += self.detail(of: unit) }
        }
        lines.append("")
        lines.append("  Packaging: \(c.packaging.totalUnits) units = \(c.packaging.core.count) core + electives")
        lines.append("    core: " + (c.packaging.core.isEmpty ? "none" : c.packaging.core.map(\.code.rawValue).joined(separator: ", ")))
        for group in c.packaging.electiveGroups {
            let bound = group.maximum.map { "\(group.minimum)–\($0)" } ?? "at least \(group.minimum)"
            lines.append("    group \(group.id) (\(bound)): " + group.units.map(\.code.rawValue).joined(separator: ", "))
        }
        if c.packaging.externalElectives > 0 {
            lines.append("    up to \(c.packaging.externalElectives) electives from outside this curriculum")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var frameworks: String {
        curriculum.frameworkLevels.isEmpty
            ? "" : " (" + curriculum.frameworkLevels.map { "\($0.framework) \($0.level)" }.joined(separator: ", ") + ")"
    }

    private var roles: [UnitCode: String] {
        var roles: [UnitCode: String] = [:]
        for reference in curriculum.packaging.core { roles[reference.code] = "core" }
        for group in curriculum.packaging.electiveGroups {
            for reference in group.units { roles[reference.code] = "elective \(group.id)" }
        }
        return roles
    }

    /// The text in the chosen language; a draft's text missing in that language shows the other
    /// one marked with its language, e.g. `[es] Peligros`.
    func title(_ text: LocalizedText) -> String {
        switch language {
        case .es: text.es.isEmpty ? "[en] \(text.en)" : text.es
        case .en: text.en.isEmpty ? "[es] \(text.es)" : text.en
        case .both:
            text.es.isEmpty || text.en.isEmpty ? (text.es.isEmpty ? "[en] \(text.en)" : "[es] \(text.es)") : "\(text.es) / \(text.en)"
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
