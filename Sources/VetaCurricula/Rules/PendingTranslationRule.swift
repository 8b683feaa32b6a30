/// VETA-R021: lists a draft's texts that are still in one language only.
struct PendingTranslationRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R021", name: "translation-pending", severity: .warning,
        summary: "Lists each text of a draft written in one language only: it needs a translation before the curriculum is made current.",
        fix: "add the missing <es> or <en> beside the text before setting status=\"current\".")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        guard curriculum.status == .draft else { return [] }
        return curriculum.untranslatedTexts.map {
            let written: UntranslatedText.Language = $0.missing == .es ? .en : .es
            var diagnostic = finding(
                $0.location,
                "<\($0.element)> is in \(written.name) only: it still needs its \($0.missing.name) translation (<\($0.missing.rawValue)>)")
            diagnostic.fix =
                "add the missing <\($0.missing.rawValue)> beside the <\(written.rawValue)> text before setting status=\"current\"."
            return diagnostic
        }
    }
}
