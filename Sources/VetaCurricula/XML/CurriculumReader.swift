internal import CLibXML2

/// Builds the ``Curriculum`` value from a document that the schema has accepted.
///
/// Every typed value is read by the ``XSDValueReader`` for its type in the bundled schema, so it
/// means what Schemas/curriculum.xsd says (`validityMonths="+012"` is 12). A value that is
/// missing, not of its type (possible only with a looser `--schema`) or too large for the model
/// becomes a `VETA-X004` diagnostic and no curriculum is returned: the reader never crashes and
/// never falls back to a default. (Absent optional attributes take the schema's declared default.)
///
/// A reader made with `readingTexts: false` checks every bilingual text (titles, descriptions,
/// criteria, evidence, conditions) for its `<es>` and `<en>` the same way but leaves it empty
/// instead of copying it out of the tree: the semantic rules never read a text, so a caller that only wants the
/// findings (``CurriculumValidator/validate(_:path:keepingModel:)`` with `keepingModel: false`)
/// does not pay for tens of thousands of strings it throws away. A test checks that the
/// findings are the same either way.
struct CurriculumReader {
    let parsed: ParsedDocument
    private let values: CurriculumValues
    private let readingTexts: Bool

    init(parsed: ParsedDocument, readingTexts: Bool = true) {
        self.parsed = parsed
        self.readingTexts = readingTexts
        self.values = CurriculumValues { node, attribute in Self.location(in: parsed, node, attribute: attribute) }
    }

    /// The curriculum, or every value that could not be read.
    func read() -> Result<Curriculum, DiagnosticList> {
        let root = parsed.document.root ?? XMLNode(pointer: xmlDocGetRootElement(parsed.document.pointer))
        let curriculum = curriculum(root)
        return values.diagnostics.isEmpty ? .success(curriculum) : .failure(DiagnosticList(values.diagnostics))
    }

    private func curriculum(_ root: XMLNode) -> Curriculum {
        let volume = values.child(root, "volumeOfLearning")
        let sector = values.child(root, "sector")
        return Curriculum(
            code: CurriculumCode(values.string(root, "code", .code)),
            version: values.required(root, "version", type: "SemanticVersion", XSDValueReader.semanticVersion),
            level: values.required(root, "level", type: "Level") { XSDValueReader.enumeration($0, Level.init(rawValue:)) },
            status: values.required(root, "status", type: "Status") {
                XSDValueReader.enumeration($0, CurriculumStatus.init(rawValue:))
            },
            title: text(values.child(root, "title")),
            description: text(values.child(root, "description")),
            sources: (values.child(root, "source")?.children("citation") ?? []).map {
                Citation(
                    text: $0.collapsedText, href: values.optional($0, "href", type: "xs:anyURI") { .success(XSDValueReader.collapse($0)) },
                    release: $0.attribute("release"))
            },
            frameworkLevels: (root.child("frameworkLevels")?.children ?? []).map {
                FrameworkLevel(
                    framework: values.required($0, "framework", type: "Framework") {
                        XSDValueReader.enumeration($0) { ["CONOCER", "AQF"].contains($0) ? $0 : nil }
                    },
                    level: values.required($0, "level", type: "xs:positiveInteger") { XSDValueReader.integer($0, minimum: 1, maximum: 10) },
                    location: location($0, attribute: "level"))
            },
            sector: Sector(scian: sector.map { values.string($0, "scian", .scian) } ?? "", name: sector?.collapsedText ?? ""),
            occupations: (values.child(root, "occupations")?.children ?? []).map {
                Occupation(sinco: values.string($0, "sinco", .sinco), name: $0.collapsedText)
            },
            issuingBody: values.child(root, "issuingBody")?.collapsedText ?? "",
            published: values.element(root, "published", type: "xs:date", XSDValueReader.date),
            supersedes: root.child("supersedes").map(supersession),
            recertification: root.child("recertification").map {
                Recertification(
                    validityMonths: values.required($0, "validityMonths", type: "xs:positiveInteger") {
                        XSDValueReader.integer($0, minimum: 1, maximum: 120)
                    },
                    refresherHours: values.optional($0, "refresherHours", type: "Hours", Self.hours))
            },
            volumeOfLearningHours: volume.map { values.required($0, "hours", type: "Hours", Self.hours) } ?? 0,
            volumeOfLearningLocation: volume.map { location($0, attribute: "hours") } ?? location(root),
            references: (root.child("references")?.children ?? []).map(reference),
            units: (values.child(root, "units")?.children("unit") ?? []).map(unit),
            packaging: packaging(values.child(root, "packaging"), fallback: root),
            dc3: root.child("dc3").map(dc3),
            // Evaluated after every text above has been read (Swift evaluates arguments left to right).
            untranslatedTexts: values.untranslated,
            location: location(root)
        )
    }

    private static func hours(_ text: String) -> Result<Int, XSDValueError> {
        XSDValueReader.integer(text, minimum: 0, maximum: 10000)
    }

    private static func count(_ text: String) -> Result<Int, XSDValueError> {
        XSDValueReader.integer(text, minimum: 0)
    }

    private func supersession(_ node: XMLNode) -> Supersession {
        Supersession(
            code: CurriculumCode(values.string(node, "code", .code)),
            version: values.required(node, "version", type: "SemanticVersion", XSDValueReader.semanticVersion),
            equivalent: values.required(node, "equivalent", type: "yes or no") {
                XSDValueReader.enumeration($0) { ["yes": true, "no": false][$0] }
            },
            location: location(node))
    }

    private func reference(_ node: XMLNode) -> ExternalReference {
        ExternalReference(
            kind: values.required(node, "kind", type: "ReferenceKind") {
                XSDValueReader.enumeration($0, ExternalReference.Kind.init(rawValue:))
            },
            code: values.string(node, "code", .referenceCode),
            clause: values.optionalString(node, "clause", .clause),
            text: node.collapsedText,
            location: location(node, attribute: "code"))
    }

    private func unit(_ node: XMLNode) -> Unit {
        let evidence = values.child(node, "performanceEvidence")
        return Unit(
            code: UnitCode(values.string(node, "code", .code)),
            title: text(values.child(node, "title")),
            application: node.child("application").map(text),
            hours: values.required(node, "hours", type: "Hours", Self.hours),
            isSafetyCritical: values.optional(node, "safetyCritical", type: "xs:boolean", XSDValueReader.boolean) ?? false,
            prerequisites: (node.child("prerequisites")?.children ?? []).map {
                UnitReference(code: UnitCode(values.string($0, "unit", .code)), location: location($0, attribute: "unit"))
            },
            elements: node.children("element").map(element),
            foundationSkills: node.child("foundationSkills").map {
                $0.children("skill").map {
                    FoundationSkill(
                        name: text(values.child($0, "name")), description: text(values.child($0, "description")), location: location($0))
                }
            },
            rangeOfConditions: node.child("rangeOfConditions").map {
                $0.children("variable").map {
                    RangeVariable(name: text(values.child($0, "name")), meaning: text(values.child($0, "meaning")), location: location($0))
                }
            },
            performanceEvidence: PerformanceEvidence(
                // Optional since schema 1.1 (the requirements may hold the occasions); rule VETA-R022 checks it is stated once.
                occasions: evidence.flatMap { values.optional($0, "occasions", type: "xs:nonNegativeInteger", Self.count) },
                text: stated(evidence),
                requirements: (evidence?.children("requirement") ?? []).map {
                    PerformanceRequirement(
                        id: values.string($0, "id", .identifier),
                        occasions: values.required($0, "occasions", type: "xs:nonNegativeInteger", Self.count),
                        text: text($0), location: location($0, attribute: "occasions"))
                },
                location: evidence.map { location($0, attribute: "occasions") } ?? location(node)),
            knowledgeEvidence: (values.child(node, "knowledgeEvidence")?.children("item") ?? []).map {
                KnowledgeItem(
                    id: values.string($0, "id", .identifier), text: text($0),
                    points: $0.children("point").map {
                        KnowledgePoint(id: values.string($0, "id", .identifier), text: text($0), location: location($0, attribute: "id"))
                    },
                    location: location($0, attribute: "id"))
            },
            assessmentConditions: stated(values.child(node, "assessmentConditions")),
            notStatedInSource: marked(node, "notStatedInSource"),
            notYetTranscribed: marked(node, "notYetTranscribed"),
            provenance: node.child("provenance").map(provenance),
            supersedes: node.child("supersedes").map {
                UnitSupersession(
                    unit: UnitCode(values.string($0, "unit", .code)),
                    equivalent: values.required($0, "equivalent", type: "yes or no") {
                        XSDValueReader.enumeration($0) { $0 == "yes" ? true : $0 == "no" ? false : nil }
                    },
                    location: location($0, attribute: "unit"))
            },
            location: location(node, attribute: "code"))
    }

    private func provenance(_ node: XMLNode) -> UnitProvenance {
        let citation = node.child("citation")
        let parts = { (name: String) in
            node.children(name).map {
                UnitProvenance.NamedPart(
                    part: values.required($0, "part", type: "UnitPart") {
                        XSDValueReader.enumeration($0, UnitProvenance.Part.init(rawValue:))
                    },
                    location: location($0, attribute: "part"))
            }
        }
        return UnitProvenance(
            kind: values.required(node, "kind", type: "Provenance kind") {
                XSDValueReader.enumeration($0, UnitProvenance.Kind.init(rawValue:))
            },
            package: values.optionalString(node, "package", .shortReference),
            code: values.optionalString(node, "code", .referenceCode),
            release: values.optionalString(node, "release", .shortReference),
            language: values.optional(node, "language", type: "es or en") {
                XSDValueReader.enumeration($0) { ["es", "en"].contains($0) ? $0 : nil }
            },
            citation: citation?.collapsedText,
            href: citation.flatMap { values.optional($0, "href", type: "xs:anyURI") { .success(XSDValueReader.collapse($0)) } },
            verbatim: parts("verbatim"), written: parts("written"),
            location: location(node, attribute: "kind"))
    }

    private func element(_ node: XMLNode) -> Element {
        Element(
            number: values.required(node, "number", type: "xs:positiveInteger") { XSDValueReader.integer($0, minimum: 1, maximum: 99) },
            title: text(values.child(node, "title")),
            criteria: node.children("criterion").map {
                PerformanceCriterion(
                    number: values.string($0, "number", .criterionNumber), text: text($0), location: location($0, attribute: "number"))
            },
            notYetTranscribed: node.child("notYetTranscribed") != nil ? true : nil,
            location: location(node, attribute: "number"))
    }

    private func dc3(_ node: XMLNode) -> DC3Details {
        let area = values.child(node, "thematicArea")
        return DC3Details(
            thematicArea: DC3Details.ThematicArea(
                key: area.map { values.string($0, "key", .thematicAreaKey) } ?? "", name: area?.collapsedText ?? ""),
            courseName: values.child(node, "courseName")?.collapsedText ?? "",
            location: location(node))
    }

    private func packaging(_ node: XMLNode?, fallback: XMLNode) -> PackagingRules {
        guard let node else {
            return PackagingRules(totalUnits: 0, externalElectives: 0, core: [], electiveGroups: [], location: location(fallback))
        }
        return PackagingRules(
            totalUnits: values.required(node, "totalUnits", type: "xs:positiveInteger") { XSDValueReader.integer($0, minimum: 1) },
            // The schema's declared default.
            externalElectives: values.optional(node, "externalElectives", type: "xs:nonNegativeInteger", Self.count) ?? 0,
            core: (values.child(node, "core")?.children ?? []).map(unitRef),
            electiveGroups: node.children("electiveGroup").map { group in
                ElectiveGroup(
                    id: values.string(group, "id", .identifier),
                    minimum: values.required(group, "min", type: "xs:nonNegativeInteger", Self.count),
                    maximum: values.optional(group, "max", type: "xs:nonNegativeInteger", Self.count),
                    units: group.children.map(unitRef),
                    location: location(group, attribute: "id"))
            },
            location: location(node, attribute: "totalUnits"))
    }

    private func unitRef(_ node: XMLNode) -> UnitReference {
        UnitReference(code: UnitCode(values.string(node, "code", .code)), location: location(node, attribute: "code"))
    }

    /// A text that may be `<notStatedInSource/>` or `<notYetTranscribed/>` instead (schema 1.1): then empty.
    private func stated(_ node: XMLNode?) -> LocalizedText {
        if node?.child("notStatedInSource") != nil || node?.child("notYetTranscribed") != nil { return LocalizedText(es: "", en: "") }
        return text(node)
    }

    /// The parts of a unit holding the marker `<name/>` (schema 1.1), in document order; nil when none.
    private func marked(_ unit: XMLNode, _ name: String) -> [UnstatedPart]? {
        let parts = UnstatedPart.allCases.filter { unit.child($0.rawValue)?.child(name) != nil }
        return parts.isEmpty ? nil : parts
    }

    private func text(_ node: XMLNode?) -> LocalizedText {
        guard let node else { return LocalizedText(es: "", en: "") }
        let (es, en) = values.bilingual(node)
        guard readingTexts else { return LocalizedText(es: "", en: "") }
        return LocalizedText(es: es?.collapsedText ?? "", en: en?.collapsedText ?? "")
    }

    /// The location of an element's start tag, or of one of its attributes when given.
    func location(_ node: XMLNode, attribute: String? = nil) -> SourceLocation {
        Self.location(in: parsed, node, attribute: attribute)
    }

    static func location(in parsed: ParsedDocument, _ node: XMLNode, attribute: String?) -> SourceLocation {
        // From the start-tag index: constant time, however many siblings share the line.
        if let offset = parsed.tags.offset(of: node.pointer) {
            let start = parsed.source.position(of: offset)
            if let attribute, let found = parsed.source.offsetOfAttribute(attribute, tagOffset: offset) {
                let position = parsed.source.position(of: found, fromLine: start.line)
                return SourceLocation(file: parsed.path, line: position.line, column: position.column)
            }
            return SourceLocation(file: parsed.path, line: start.line, column: start.column)
        }
        guard let start = parsed.startOfTag(node) else {
            return SourceLocation(file: parsed.path, line: node.line)
        }
        if let attribute,
            let position = parsed.source.positionOfAttribute(attribute, tagLine: start.line, tagColumn: start.column)
        {
            return SourceLocation(file: parsed.path, line: position.line, column: position.column)
        }
        return SourceLocation(file: parsed.path, line: start.line, column: start.column)
    }
}
