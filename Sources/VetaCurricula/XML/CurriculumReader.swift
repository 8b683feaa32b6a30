internal import CLibXML2

/// Builds the ``Curriculum`` value from a document that the schema has accepted.
///
/// The schema guarantees every required element and attribute; the reader still never
/// force-unwraps and falls back to empty values, so a schema passed with `--schema` that is
/// looser than the bundled one cannot crash it.
struct CurriculumReader {
    let parsed: ParsedDocument

    func read() -> Curriculum {
        let root = parsed.document.root ?? XMLNode(pointer: xmlDocGetRootElement(parsed.document.pointer))
        let volume = root.child("volumeOfLearning")
        return Curriculum(
            code: CurriculumCode(root.attribute("code") ?? ""),
            version: root.attribute("version").flatMap(SemanticVersion.init) ?? SemanticVersion(major: 0, minor: 0, patch: 0),
            level: root.attribute("level").flatMap(Level.init(rawValue:)) ?? .operator,
            status: root.attribute("status").flatMap(CurriculumStatus.init(rawValue:)) ?? .draft,
            title: text(root.child("title")),
            description: text(root.child("description")),
            sources: (root.child("source")?.children("citation") ?? []).map {
                Citation(text: $0.collapsedText, href: $0.attribute("href"), release: $0.attribute("release"))
            },
            frameworkLevels: (root.child("frameworkLevels")?.children ?? []).map {
                FrameworkLevel(
                    framework: $0.attribute("framework") ?? "", level: $0.integerAttribute("level") ?? 0,
                    location: location($0, attribute: "level"))
            },
            sector: Sector(scian: root.child("sector")?.attribute("scian") ?? "", name: root.child("sector")?.collapsedText ?? ""),
            occupations: (root.child("occupations")?.children ?? []).map {
                Occupation(sinco: $0.attribute("sinco") ?? "", name: $0.collapsedText)
            },
            issuingBody: root.child("issuingBody")?.collapsedText ?? "",
            published: root.child("published")?.collapsedText ?? "",
            supersedes: root.child("supersedes").map {
                Supersession(
                    code: CurriculumCode($0.attribute("code") ?? ""),
                    version: $0.attribute("version").flatMap(SemanticVersion.init) ?? SemanticVersion(major: 0, minor: 0, patch: 0),
                    equivalent: $0.attribute("equivalent") == "yes",
                    location: location($0))
            },
            recertification: root.child("recertification").map {
                Recertification(
                    validityMonths: $0.integerAttribute("validityMonths") ?? 0, refresherHours: $0.integerAttribute("refresherHours"))
            },
            volumeOfLearningHours: (volume?.integerAttribute("hours") ?? 0),
            volumeOfLearningLocation: volume.map { location($0, attribute: "hours") } ?? location(root),
            references: (root.child("references")?.children ?? []).map(reference),
            units: (root.child("units")?.children("unit") ?? []).map(unit),
            packaging: packaging(root.child("packaging"), fallback: root),
            location: location(root)
        )
    }

    private func reference(_ node: XMLNode) -> ExternalReference {
        ExternalReference(
            kind: node.attribute("kind").flatMap(ExternalReference.Kind.init(rawValue:)) ?? .other,
            code: node.attribute("code") ?? "",
            clause: node.attribute("clause"),
            text: node.collapsedText,
            location: location(node, attribute: "code"))
    }

    private func unit(_ node: XMLNode) -> Unit {
        let evidence = node.child("performanceEvidence")
        return Unit(
            code: UnitCode(node.attribute("code") ?? ""),
            title: text(node.child("title")),
            application: node.child("application").map(text),
            hours: (node.integerAttribute("hours") ?? 0),
            isSafetyCritical: ["true", "1"].contains(node.attribute("safetyCritical") ?? "false"),
            prerequisites: (node.child("prerequisites")?.children ?? []).map {
                UnitReference(code: UnitCode($0.attribute("unit") ?? ""), location: location($0, attribute: "unit"))
            },
            elements: node.children("element").map(element),
            performanceEvidence: PerformanceEvidence(
                occasions: (evidence?.integerAttribute("occasions") ?? 0),
                text: text(evidence),
                location: evidence.map { location($0, attribute: "occasions") } ?? location(node)),
            knowledgeEvidence: (node.child("knowledgeEvidence")?.children ?? []).map {
                KnowledgeItem(id: $0.attribute("id") ?? "", text: text($0), location: location($0, attribute: "id"))
            },
            assessmentConditions: text(node.child("assessmentConditions")),
            location: location(node, attribute: "code"))
    }

    private func element(_ node: XMLNode) -> Element {
        Element(
            number: (node.integerAttribute("number") ?? 0),
            title: text(node.child("title")),
            criteria: node.children("criterion").map {
                PerformanceCriterion(number: $0.attribute("number") ?? "", text: text($0), location: location($0, attribute: "number"))
            },
            location: location(node, attribute: "number"))
    }

    private func packaging(_ node: XMLNode?, fallback: XMLNode) -> PackagingRules {
        guard let node else {
            return PackagingRules(totalUnits: 0, externalElectives: 0, core: [], electiveGroups: [], location: location(fallback))
        }
        return PackagingRules(
            totalUnits: (node.integerAttribute("totalUnits") ?? 0),
            externalElectives: (node.integerAttribute("externalElectives") ?? 0),
            core: (node.child("core")?.children ?? []).map(unitRef),
            electiveGroups: node.children("electiveGroup").map { group in
                ElectiveGroup(
                    id: group.attribute("id") ?? "",
                    minimum: (group.integerAttribute("min") ?? 0),
                    maximum: group.integerAttribute("max"),
                    units: group.children.map(unitRef),
                    location: location(group, attribute: "id"))
            },
            location: location(node, attribute: "totalUnits"))
    }

    private func unitRef(_ node: XMLNode) -> UnitReference {
        UnitReference(code: UnitCode(node.attribute("code") ?? ""), location: location(node, attribute: "code"))
    }

    private func text(_ node: XMLNode?) -> LocalizedText {
        LocalizedText(es: node?.child("es")?.collapsedText ?? "", en: node?.child("en")?.collapsedText ?? "")
    }

    /// The location of an element's start tag, or of one of its attributes when given.
    func location(_ node: XMLNode, attribute: String? = nil) -> SourceLocation {
        // From the start-tag index: constant time, however many siblings share the line.
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
