/// Exports a curriculum as a 1EdTech CASE 1.0 `CFPackage`.
///
/// The output depends only on the curriculum: identifiers are name-based UUIDs (version 5) of
/// `CODE@VERSION`, `CODE@VERSION/UNIT`, `CODE@VERSION/UNIT/2`, `CODE@VERSION/UNIT/2/2.3`,
/// `CODE@VERSION/UNIT/knowledge/K1`, `CODE@VERSION/UNIT/knowledge/K2/K2a` (schema 1.1: a knowledge item's
/// point, type `Knowledge evidence point`, coded `UNIT K2a`, a child of its item), `CODE@VERSION/UNIT/foundation/1` and `CODE@VERSION/UNIT/range/1`
/// (schema 1.1: a unit's foundation skills and range-of-conditions variables, children of the unit
/// after its knowledge items, coded `UNIT FS1` and `UNIT RC1`, the Spanish name in `abbreviatedStatement`, the text in
/// `fullStatement`), `CODE@VERSION/UNIT/performance/P1` (schema 1.1: a performance requirement, type
/// `Performance evidence requirement`, coded `UNIT P1`, a child of the unit after its range of conditions,
/// the English text then `Occasions: N` in `notes`; a unit's `<notStatedInSource/>` parts add a last line
/// `Not stated in source: knowledge evidence, assessment conditions` to the unit's `notes` (and `<notYetTranscribed/>`
/// parts a line `Not yet transcribed: ...`; a unit's `<provenance>` the lines `Source: ...`, `Citation: ...` and
/// `Verbatim (en): ...; written by the institution: ...` before those, a unit's `<supersedes>` the line
/// `Supersedes: RIICCM201D (equivalent)` after them), an element's
/// `<notYetTranscribed/>` the line `Performance criteria not yet transcribed` to the element's), and every `lastChangeDateTime` is the publication date at
/// midnight in the date's own timezone (UTC when it has none), e.g. `2024-03-01-06:00` gives
/// `2024-03-01T00:00:00-06:00`. Statements are in Spanish (`language` `es`) with the English text in `notes`.
/// A `<dc3>` block (schema 1.1) adds its thematic area to the document's `subject` (`STPS 6000
/// Seguridad`) and its course name to the document's `notes` (`DC-3: <course name>`, the last line).
///
/// ```swift
/// let package = try CASEExport.package(for: curriculum, packageURI: "https://case.example.org/ims/case/v1p0")
/// print(try CASEExport.json(package))
/// ```
public enum CASEExport {
    /// Builds the package for `curriculum`.
    ///
    /// - Parameter packageURI: The base of every `uri`: a node's URI is `packageURI/CFDocuments/<id>`,
    ///   `/CFItems/<id>` or `/CFAssociations/<id>`, as a CASE 1.0 service serves them. Without it,
    ///   each URI is `urn:uuid:<id>`.
    /// - Throws: ``CASEExportError`` when the publication date cannot be written as a CASE
    ///   (RFC 3339) date-time: a year before 1 or after 9999, which `xs:date` allows.
    public static func package(for curriculum: Curriculum, packageURI: String? = nil) throws(CASEExportError) -> CASEPackage {
        guard (1...9999).contains(curriculum.published.year) else {
            throw .yearOutsideDateTime(curriculum.published)
        }
        var builder = CASEPackageBuilder(curriculum: curriculum, base: packageURI.map(trimmingSlashes))
        return builder.build()
    }

    /// The package as pretty-printed JSON with sorted keys, ending in a newline.
    public static func json(_ package: CASEPackage) throws -> String {
        try JSONOutput.encode(package)
    }

    private static func trimmingSlashes(_ text: String) -> String {
        var text = text
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}

/// Walks a curriculum once, collecting items and associations in curriculum order.
private struct CASEPackageBuilder {
    let curriculum: Curriculum
    let base: String?
    var items: [CASEItem] = []
    var associations: [CASEAssociation] = []

    private var key: String { "\(curriculum.code.rawValue)@\(curriculum.version)" }
    /// Midnight of the publication date in its own timezone; UTC when it has none.
    private var changed: String { curriculum.published.dateText + "T00:00:00" + (curriculum.published.offsetText ?? "+00:00") }

    init(curriculum: Curriculum, base: String?) {
        self.curriculum = curriculum
        self.base = base
    }

    mutating func build() -> CASEPackage {
        let document = makeDocument()
        let documentLink = CASELinkURI(title: document.title, identifier: document.identifier, uri: document.uri)
        var unitLinks: [UnitCode: CASELinkURI] = [:]
        for (index, unit) in curriculum.units.enumerated() {
            let name = "\(key)/\(unit.code.rawValue)"
            let unitLink = addItem(
                name: name, text: unit.title, code: unit.code.rawValue, type: "Unit of competency", enumeration: "\(index + 1)")
            // Schema 1.1: what the source does not state, and what is not transcribed yet, as the last lines of the unit's notes.
            var notes = unit.title.en
            if let provenance = unit.provenance { notes += provenance.caseNotes }
            if let supersedes = unit.supersedes {
                notes += "\nSupersedes: \(supersedes.unit) (\(supersedes.equivalent ? "equivalent" : "not equivalent"))"
            }
            if let parts = unit.notStatedInSource { notes += "\nNot stated in source: " + parts.map(\.name).joined(separator: ", ") }
            if let parts = unit.notYetTranscribed { notes += "\nNot yet transcribed: " + parts.map(\.name).joined(separator: ", ") }
            items[items.count - 1].notes = notes
            unitLinks[unit.code] = unitLink
            addChild(unitLink, of: documentLink, at: index + 1)
            for (position, element) in unit.elements.enumerated() {
                let elementLink = addItem(
                    name: "\(name)/\(element.number)", text: element.title, code: "\(unit.code.rawValue) \(element.number)",
                    type: "Element", enumeration: "\(element.number)")
                if element.notYetTranscribed == true {
                    items[items.count - 1].notes = "\(element.title.en)\nPerformance criteria not yet transcribed"
                }
                addChild(elementLink, of: unitLink, at: position + 1)
                for (order, criterion) in element.criteria.enumerated() {
                    let criterionLink = addItem(
                        name: "\(name)/\(element.number)/\(criterion.number)", text: criterion.text,
                        code: "\(unit.code.rawValue) \(criterion.number)", type: "Performance criterion", enumeration: criterion.number)
                    addChild(criterionLink, of: elementLink, at: order + 1)
                }
            }
            for (position, knowledge) in unit.knowledgeEvidence.enumerated() {
                let knowledgeLink = addItem(
                    name: "\(name)/knowledge/\(knowledge.id)", text: knowledge.text, code: "\(unit.code.rawValue) \(knowledge.id)",
                    type: "Knowledge evidence", enumeration: knowledge.id)
                addChild(knowledgeLink, of: unitLink, at: unit.elements.count + position + 1)
                for (order, point) in knowledge.points.enumerated() {
                    let pointLink = addItem(
                        name: "\(name)/knowledge/\(knowledge.id)/\(point.id)", text: point.text,
                        code: "\(unit.code.rawValue) \(point.id)", type: "Knowledge evidence point", enumeration: point.id)
                    addChild(pointLink, of: knowledgeLink, at: order + 1)
                }
            }
            var sequence = unit.elements.count + unit.knowledgeEvidence.count
            for (position, skill) in (unit.foundationSkills ?? []).enumerated() {
                sequence += 1
                let link = addItem(
                    name: "\(name)/foundation/\(position + 1)", text: skill.description,
                    code: "\(unit.code.rawValue) FS\(position + 1)", type: "Foundation skill",
                    enumeration: "FS\(position + 1)", abbreviated: skill.name)
                addChild(link, of: unitLink, at: sequence)
            }
            for (position, variable) in (unit.rangeOfConditions ?? []).enumerated() {
                sequence += 1
                let link = addItem(
                    name: "\(name)/range/\(position + 1)", text: variable.meaning,
                    code: "\(unit.code.rawValue) RC\(position + 1)", type: "Range of conditions",
                    enumeration: "RC\(position + 1)", abbreviated: variable.name)
                addChild(link, of: unitLink, at: sequence)
            }
            for requirement in unit.performanceEvidence.requirements {
                sequence += 1
                let link = addItem(
                    name: "\(name)/performance/\(requirement.id)", text: requirement.text,
                    code: "\(unit.code.rawValue) \(requirement.id)", type: "Performance evidence requirement",
                    enumeration: requirement.id)
                // The occasions have no field of their own in CASE 1.0: the last line of the notes.
                items[items.count - 1].notes = "\(requirement.text.en)\nOccasions: \(requirement.occasions)"
                addChild(link, of: unitLink, at: sequence)
            }
        }
        for unit in curriculum.units {
            guard let unitLink = unitLinks[unit.code] else { continue }
            for prerequisite in unit.prerequisites {
                guard let prerequisiteLink = unitLinks[prerequisite.code] else { continue }
                addAssociation(
                    "precedes", from: prerequisiteLink, to: unitLink, sequence: nil,
                    name: "\(key)/precedes/\(prerequisite.code.rawValue)/\(unit.code.rawValue)")
            }
        }
        return CASEPackage(document: document, items: items, associations: associations)
    }

    private func makeDocument() -> CASEDocument {
        let identifier = NameBasedUUID.make(name: "urn:veta:case:\(key)")
        let source = curriculum.sources.compactMap(\.href).first { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        return CASEDocument(
            identifier: identifier, uri: uri("CFDocuments", identifier), creator: curriculum.issuingBody,
            title: curriculum.title.es, lastChangeDateTime: changed, officialSourceURL: source,
            publisher: curriculum.issuingBody, description: curriculum.description.es,
            subject: [curriculum.sector.name] + (curriculum.dc3.map { ["STPS \($0.thematicArea.printed)"] } ?? []),
            language: "es", version: curriculum.version.description, adoptionStatus: adoptionStatus,
            statusStartDate: curriculum.published.dateText,
            notes: "\(curriculum.title.en)\n\n\(curriculum.description.en)" + (curriculum.dc3.map { "\n\nDC-3: \($0.courseName)" } ?? ""))
    }

    private var adoptionStatus: String {
        switch curriculum.status {
        case .draft: "Draft"
        case .current: "Adopted"
        case .superseded: "Deprecated"
        }
    }

    private mutating func addItem(
        name: String, text: LocalizedText, code: String, type: String, enumeration: String, abbreviated: LocalizedText? = nil
    ) -> CASELinkURI {
        let identifier = NameBasedUUID.make(name: "urn:veta:case:\(name)")
        var item = CASEItem(
            identifier: identifier, uri: uri("CFItems", identifier), fullStatement: text.es, humanCodingScheme: code,
            itemType: type, language: "es", lastChangeDateTime: changed, listEnumeration: enumeration, notes: text.en)
        if let abbreviated {
            item.abbreviatedStatement = abbreviated.es
            item.notes = "\(abbreviated.en): \(text.en)"
        }
        items.append(item)
        return CASELinkURI(title: code, identifier: identifier, uri: item.uri)
    }

    private mutating func addChild(_ child: CASELinkURI, of parent: CASELinkURI, at sequence: Int) {
        addAssociation("isChildOf", from: child, to: parent, sequence: sequence, name: "\(key)/isChildOf/\(child.identifier)")
    }

    private mutating func addAssociation(
        _ type: String, from origin: CASELinkURI, to destination: CASELinkURI, sequence: Int?, name: String
    ) {
        let identifier = NameBasedUUID.make(name: "urn:veta:case:\(name)")
        associations.append(
            CASEAssociation(
                identifier: identifier, uri: uri("CFAssociations", identifier), associationType: type,
                originNodeURI: origin, destinationNodeURI: destination, lastChangeDateTime: changed, sequenceNumber: sequence))
    }

    private func uri(_ collection: String, _ identifier: String) -> String {
        base.map { "\($0)/\(collection)/\(identifier)" } ?? "urn:uuid:\(identifier)"
    }
}
