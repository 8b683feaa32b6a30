/// Every check Veta makes, in the order they are documented and run.
public enum RuleCatalog {
    static let semanticRules: [any CurriculumRule] = [
        DuplicateUnitCodeRule(), ElementNumberingRule(), CriterionNumberingRule(), UnknownPrerequisiteRule(),
        PrerequisiteCycleRule(), PackagingUnknownUnitRule(), PackagingSatisfiableRule(), VolumeOfLearningRule(),
        LevelHoursRule(), SupervisorSafetyUnitRule(), PerformanceOccasionsRule(), SupersededVersionRule(),
        PackagingDuplicateRule(), UnpackagedUnitRule(), DuplicateKnowledgeItemRule(), ReferenceFormatRule(),
        FrameworkLevelRangeRule(), FrameworkLevelMappingRule(), ImplausibleOccasionsRule(),
        BilingualCurrentRule(), PendingTranslationRule(), PerformanceRequirementsRule(), NotYetTranscribedRule(),
        ProvenanceRule(), UnitSupersessionRule(),
    ]

    /// The document checks (syntax, encoding, schema, security) and then the semantic rules.
    public static var descriptors: [RuleDescriptor] {
        DocumentCheck.allCases.map(\.descriptor) + semanticRules.map(\.descriptor)
    }

    /// The descriptor with this id, if there is one.
    public static func descriptor(id: String) -> RuleDescriptor? {
        descriptors.first { $0.id == id }
    }

    /// Runs every semantic rule on a schema-valid curriculum.
    static func check(_ curriculum: Curriculum) -> [Diagnostic] {
        semanticRules.flatMap { $0.check(curriculum) }
    }
}
