/// VETA-R023: texts not transcribed yet (`<notYetTranscribed/>` in place of an element's criteria, a
/// unit's knowledge evidence or its assessment conditions) are allowed only in a draft.
struct NotYetTranscribedRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R023", name: "not-yet-transcribed", severity: .error,
        summary:
            "Only a draft may hold texts not transcribed yet (<notYetTranscribed/> in place of an element's criteria, a unit's knowledge evidence or assessment conditions); a current or superseded curriculum has them all.",
        fix:
            "transcribe the text from the source in place of <notYetTranscribed/> (or mark <notStatedInSource/> if the source has none), or keep status=\"draft\"."
    )

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        guard curriculum.status != .draft else { return [] }
        return curriculum.units.flatMap { unit in
            unit.untranscribedElements.map {
                finding(
                    $0.location,
                    "element \($0.number) of unit \(unit.code) has no performance criteria yet (<notYetTranscribed/>), but the curriculum is \(curriculum.status.rawValue)"
                )
            }
                + (unit.notYetTranscribed ?? []).map {
                    finding(
                        unit.location,
                        "the \($0.name) of unit \(unit.code) are not transcribed yet (<notYetTranscribed/>), but the curriculum is \(curriculum.status.rawValue)"
                    )
                }
        }
    }
}
