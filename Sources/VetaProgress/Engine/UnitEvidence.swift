/// What one unit's evidence covers, gathered from the entries that count.
struct UnitEvidence {
    /// Criterion numbers covered one by one.
    var criteria: Set<String> = []
    /// Element numbers covered as a whole.
    var elements: Set<Int> = []
    /// Knowledge item ids covered.
    var knowledge: Set<String> = []
    /// Whether evidence against the whole unit covers every criterion and item.
    var wholeUnit = false
    /// Whether recognition of prior learning or credit transfer an assessor judged covers the unit,
    /// occasions included (without an assessor it covers the criteria and knowledge, never the occasions).
    var recognised = false
    /// Distinct dates of satisfactory evidence that shows performance, judged by an assessor
    /// (evidence with no assessor never counts as an assessed performance occasion).
    var performanceDates: Set<CalendarDate> = []
    /// The same dates for evidence naming a performance requirement (schema 1.1), by the requirement's id.
    var requirementDates: [String: Set<CalendarDate>] = [:]
    /// Whether any evidence, satisfactory or not, was recorded.
    var recorded = false
    /// Minutes recorded, whatever the outcome.
    var minutes = 0

    /// Adds one evidence entry that counts.
    mutating func add(_ entry: LedgerEntry) {
        recorded = true
        minutes = minutes.clampedAdding(entry.minutes ?? 0)
        guard entry.outcome == .satisfactory else { return }
        if let method = entry.method {
            // Evidence with no assessor is never an assessed performance occasion, whatever its method.
            let assessed = entry.assessor != nil
            if method.recognisesPriorCompetence {
                if assessed { recognised = true }
                wholeUnit = true
            }
            if method.showsPerformance && assessed {
                performanceDates.insert(entry.date)
                if case .performance(let id) = entry.target { requirementDates[id, default: []].insert(entry.date) }
            }
        }
        switch entry.target {
        case .criterion(let number): criteria.insert(number)
        case .element(let number): elements.insert(number)
        case .knowledge(let id): knowledge.insert(id)
        case .performance: break
        case .unit: wholeUnit = true
        case nil: break
        }
    }
}
