import VetaCurricula

/// `veta show --detail`: every text of a unit under its summary line, in the chosen language.
extension CurriculumOutline {
    func detail(of unit: Unit) -> [String] {
        var lines: [String] = []
        if let application = unit.application { lines += block("Application", application, indent: 6) }
        for element in unit.elements {
            lines.append("      Element \(element.number): \(title(element.title))")
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
        lines += block("Performance evidence (\(unit.performanceEvidence.occasions) occasion(s))", unit.performanceEvidence.text, indent: 6)
        lines.append("      Knowledge evidence")
        for item in unit.knowledgeEvidence { lines += paragraph("\(item.id)", item.text, indent: 8) }
        lines += block("Assessment conditions", unit.assessmentConditions, indent: 6)
        lines.append("")
        return lines
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
