/// Compares two versions of one unit: its texts, hours, prerequisites, elements, criteria and evidence.
enum UnitDiffer {
    static func compare(_ old: Unit, _ new: Unit, into log: inout ChangeLog) {
        let unit = new.code.rawValue
        log.text(old.title, new.title, .unit, path: unit, aspect: "title", englishBump: .patch)
        log.text(old.application, new.application, .unit, path: unit, aspect: "application", englishBump: .patch)
        log.number(old.hours, new.hours, .hours, path: unit, aspect: "hours", raised: .minor, lowered: .minor)
        if old.isSafetyCritical != new.isSafetyCritical {
            log.append(
                Change(
                    .changed, .unit, path: unit, aspect: "safetyCritical", old: String(old.isSafetyCritical),
                    new: String(new.isSafetyCritical), bump: .minor))
        }
        log.match(
            old.prerequisites, new.prerequisites, key: \.code, subject: .prerequisite, path: { "\(unit)/\($0)" },
            removed: .major, added: .major)
        log.match(
            old.elements, new.elements, key: \.number, subject: .element, path: { "\(unit)/\($0)" },
            removed: .major, added: .minor,
            both: { log, before, after in compare(before, after, unit: unit, into: &log) })
        let evidence = (old: old.performanceEvidence, new: new.performanceEvidence)
        log.number(
            evidence.old.occasions, evidence.new.occasions, .performanceEvidence, path: unit, aspect: "occasions",
            raised: .major, lowered: .major)
        log.text(evidence.old.text, evidence.new.text, .performanceEvidence, path: unit, aspect: "text", englishBump: .major)
        // Schema 1.1: the requirements, matched by id under the unit; each one's occasions and English text.
        log.match(
            evidence.old.requirements, evidence.new.requirements, key: \.id, subject: .performanceEvidence, path: { "\(unit)/\($0)" },
            removed: .major, added: .major,
            both: { log, before, after in
                let path = "\(unit)/\(after.id)"
                log.number(
                    before.occasions, after.occasions, .performanceEvidence, path: path, aspect: "occasions", raised: .major,
                    lowered: .major)
                log.text(before.text, after.text, .performanceEvidence, path: path, aspect: "text", englishBump: .major)
            })
        log.match(
            old.knowledgeEvidence, new.knowledgeEvidence, key: \.id, subject: .knowledge, path: { "\(unit)/\($0)" },
            removed: .major, added: .minor,
            both: { log, before, after in
                log.text(before.text, after.text, .knowledge, path: "\(unit)/\(after.id)", aspect: "text", englishBump: .major)
                // Schema 1.1: the item's points, matched by id, under the item's path.
                let item = "\(unit)/\(after.id)"
                log.match(
                    before.points, after.points, key: \.id, subject: .knowledge, path: { "\(item)/\($0)" },
                    removed: .major, added: .minor,
                    both: { log, before, after in
                        log.text(before.text, after.text, .knowledge, path: "\(item)/\(after.id)", aspect: "text", englishBump: .major)
                    })
            })
        log.text(
            old.assessmentConditions, new.assessmentConditions, .unit, path: unit, aspect: "assessmentConditions",
            englishBump: .major)
    }

    private static func compare(_ old: Element, _ new: Element, unit: String, into log: inout ChangeLog) {
        let element = "\(unit)/\(new.number)"
        log.text(old.title, new.title, .element, path: element, aspect: "title", englishBump: .patch)
        log.match(
            old.criteria, new.criteria, key: \.number, subject: .criterion, path: { "\(element)/\($0)" },
            removed: .major, added: .minor,
            both: { log, before, after in
                log.text(before.text, after.text, .criterion, path: "\(element)/\(after.number)", aspect: "text", englishBump: .major)
            })
    }
}
