import VetaCurricula

/// `veta show --detail`: every text of a unit under its summary line, in the chosen language.
extension CurriculumOutline {
    func detail(of unit: Unit) -> [String] {
        var lines: [String] = []
        if let application = unit.application { lines += block("Application", application, indent: 6) }
        for element in unit.elements {
            lines.append(
                "      Element \(element.number): \(title(element.title))"
                    + (element.notYetTranscribed == true ? " (criteria not yet transcribed)" : ""))
            for criterion in element.criteria { lines += paragraph("\(criterion.number)", criterion.text, indent: 8) }
        }
        if let skills = unit.foundationSkills {
            lines.append("      Foundation skills")
            for skill in skills { lines += paragraph(title(skill.name) + ":", skill.description, indent: 8) }
        }
        if let range = unit.rangeOfConditions {
            lines.append("      Range of conditions")
            for variable in range { lines += paragraph(title(variable.name) + ":", variable.meaning, indent: 8) }
        }
        let evidence = unit.performanceEvidence
        if !unit.transcribes(.performanceEvidence) {
            lines.append("      Performance evidence: not yet transcribed")
        } else {
            lines += block(
                evidence.requirements.isEmpty ? "Performance evidence (\(evidence.occasions ?? 0) occasion(s))" : "Performance evidence",
                evidence.text, indent: 6)
        }
        for requirement in evidence.requirements {
            lines += paragraph("\(requirement.id) (\(requirement.occasions) occasion(s))", requirement.text, indent: 8)
        }
        lines.append("      Knowledge evidence" + gap(unit, .knowledgeEvidence))
        for item in unit.knowledgeEvidence {
            lines += paragraph("\(item.id)", item.text, indent: 8)
            for point in item.points { lines += paragraph("\(point.id)", point.text, indent: 10) }
        }
        if unit.states(.assessmentConditions) && unit.transcribes(.assessmentConditions) {
            lines += block("Assessment conditions", unit.assessmentConditions, indent: 6)
        } else {
            lines.append("      Assessment conditions" + gap(unit, .assessmentConditions))
        }
        if let provenance = unit.provenance, provenance.citation != nil || provenance.href != nil {
            lines.append(
                "      Source: " + [provenance.citation, provenance.href.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
        }
        lines.append("")
        return lines
    }

    /// `2` for one requirement, `P1 2 + P2 1` for several (schema 1.1).
    func occasions(_ unit: Unit) -> String {
        let requirements = unit.performanceEvidence.requirements
        guard requirements.count > 1 else { return String(unit.totalOccasions) }
        return requirements.map { "\($0.id) \($0.occasions)" }.joined(separator: " + ")
    }

    /// `: not stated in source` or `: not yet transcribed` for a part the file marks so (schema 1.1), else empty.
    private func gap(_ unit: Unit, _ part: UnstatedPart) -> String {
        !unit.states(part) ? ": not stated in source" : !unit.transcribes(part) ? ": not yet transcribed" : ""
    }

    /// A heading line, then the text below it.
    private func block(_ heading: String, _ text: LocalizedText, indent: Int) -> [String] {
        ["\(String(repeating: " ", count: indent))\(heading)"] + paragraph("", text, indent: indent + 2)
    }

    /// `label text` in one language; with both languages, the Spanish and the English on lines of their own.
    private func paragraph(_ label: String, _ text: LocalizedText, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let lead = label.isEmpty ? pad : "\(pad)\(label) "
        guard language == .both, !text.es.isEmpty, !text.en.isEmpty else { return [lead + title(text)] }
        let under = String(repeating: " ", count: lead.count)
        return ["\(lead)es: \(text.es)", "\(under)en: \(text.en)"]
    }
}
