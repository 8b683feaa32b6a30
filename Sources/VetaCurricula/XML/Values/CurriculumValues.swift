internal import CLibXML2

/// Reads a curriculum's typed attributes and element values through their ``XSDValueReader``
/// and collects a `VETA-X004` diagnostic for each one that is missing or cannot be read.
///
/// After a diagnostic it returns the type's ``ReaderPlaceholder/readerPlaceholder`` so that
/// reading can go on and report every problem at once; ``CurriculumReader`` then discards the
/// whole curriculum, so a placeholder never reaches a caller.
final class CurriculumValues {
    private(set) var diagnostics: [Diagnostic] = []
    /// The bilingual texts found with one language only, in reading order.
    private(set) var untranslated: [UntranslatedText] = []
    private let locate: (XMLNode, String?) -> SourceLocation

    init(locate: @escaping (XMLNode, String?) -> SourceLocation) {
        self.locate = locate
    }

    /// A required attribute of type `type`, read by `read`.
    func required<T: ReaderPlaceholder>(
        _ node: XMLNode, _ name: String, type: @autoclosure () -> String, _ read: (String) -> Result<T, XSDValueError>
    ) -> T {
        guard let text = node.attribute(name) else {
            report(node, name, "<\(node.name)> has no \(name) attribute; the schema requires one")
            return T.readerPlaceholder
        }
        return value(text, node, name, type: type, read) ?? T.readerPlaceholder
    }

    /// An optional attribute: `nil` when absent, a diagnostic when present but unreadable.
    func optional<T>(_ node: XMLNode, _ name: String, type: @autoclosure () -> String, _ read: (String) -> Result<T, XSDValueError>) -> T? {
        node.attribute(name).flatMap { value($0, node, name, type: type, read) }
    }

    /// A required attribute whose type is a pattern on `xs:string`: its text as written.
    func string(_ node: XMLNode, _ name: String, _ pattern: XSDValueReader.Pattern) -> String {
        required(node, name, type: "string matching \(pattern.schemaText)") { XSDValueReader.string($0, matching: pattern) }
    }

    /// An optional attribute whose type is a pattern on `xs:string`.
    func optionalString(_ node: XMLNode, _ name: String, _ pattern: XSDValueReader.Pattern) -> String? {
        optional(node, name, type: "string matching \(pattern.schemaText)") { XSDValueReader.string($0, matching: pattern) }
    }

    /// A required child element, or `nil` and a diagnostic.
    func child(_ node: XMLNode, _ name: String) -> XMLNode? {
        guard let child = node.child(name) else {
            report(node, nil, "<\(node.name)> has no <\(name)> element; the schema requires one")
            return nil
        }
        return child
    }

    /// Two required child elements (a bilingual text's `<es>` and `<en>`), found in one pass;
    /// a diagnostic for each one missing, `first`'s before `second`'s.
    func children(_ node: XMLNode, _ first: String, _ second: String) -> (XMLNode?, XMLNode?) {
        let found = node.children(first, second)
        if found.0 == nil { report(node, nil, "<\(node.name)> has no <\(first)> element; the schema requires one") }
        if found.1 == nil { report(node, nil, "<\(node.name)> has no <\(second)> element; the schema requires one") }
        return found
    }

    /// A bilingual text's `<es>` and `<en>` (schema 1.1: one may be missing, which is noted in
    /// ``untranslated``); a diagnostic when both are missing.
    func bilingual(_ node: XMLNode) -> (XMLNode?, XMLNode?) {
        let found = node.children("es", "en")
        switch found {
        case (nil, nil): report(node, nil, "<\(node.name)> has neither <es> nor <en>; the schema requires one of them")
        case (nil, _): untranslated.append(UntranslatedText(element: node.name, missing: .es, location: locate(node, nil)))
        case (_, nil): untranslated.append(UntranslatedText(element: node.name, missing: .en, location: locate(node, nil)))
        default: break
        }
        return found
    }

    /// The simple content of a required child element of type `type`.
    func element<T: ReaderPlaceholder>(
        _ node: XMLNode, _ name: String, type: @autoclosure () -> String, _ read: (String) -> Result<T, XSDValueError>
    ) -> T {
        guard let child = child(node, name) else { return T.readerPlaceholder }
        return value(child.text, child, nil, type: type, read) ?? T.readerPlaceholder
    }

    private func value<T>(
        _ text: String, _ node: XMLNode, _ attribute: String?, type: () -> String, _ read: (String) -> Result<T, XSDValueError>
    ) -> T? {
        switch read(text) {
        case .success(let value):
            return value
        case .failure(let error):
            let type = type()
            let what = attribute.map { "\($0)=\"\(text)\"" } ?? "<\(node.name)>\(text)</\(node.name)>"
            switch error {
            case .notInLexicalSpace:
                report(node, attribute, "\(what) is not a valid \(type) as Schemas/curriculum.xsd defines it")
            case .outsideType(let range):
                report(node, attribute, "\(what) is outside \(type) as Schemas/curriculum.xsd defines it: it must be \(range)")
            case .tooLarge:
                report(node, attribute, "\(what) is a valid \(type) but larger than Veta can hold (at most \(Int.max))")
            }
            return nil
        }
    }

    private func report(_ node: XMLNode, _ attribute: String?, _ message: String) {
        diagnostics.append(DocumentCheck.value.diagnostic(at: locate(node, attribute), message))
    }
}

/// A value the reader may return after a diagnostic, so that reading goes on; never seen by a caller.
protocol ReaderPlaceholder {
    static var readerPlaceholder: Self { get }
}

extension Int: ReaderPlaceholder { static var readerPlaceholder: Int { 0 } }
extension Bool: ReaderPlaceholder { static var readerPlaceholder: Bool { false } }
extension String: ReaderPlaceholder { static var readerPlaceholder: String { "" } }
extension SemanticVersion: ReaderPlaceholder { static var readerPlaceholder: SemanticVersion { .init(major: 0, minor: 0, patch: 0) } }
extension Level: ReaderPlaceholder { static var readerPlaceholder: Level { .operator } }
extension CurriculumStatus: ReaderPlaceholder { static var readerPlaceholder: CurriculumStatus { .draft } }
extension ExternalReference.Kind: ReaderPlaceholder { static var readerPlaceholder: ExternalReference.Kind { .other } }
extension XSDDate: ReaderPlaceholder {
    static var readerPlaceholder: XSDDate { XSDDate(uncheckedYear: 1, month: 1, day: 1, timezoneOffsetMinutes: nil) }
}
extension UnitProvenance.Kind: ReaderPlaceholder { static var readerPlaceholder: UnitProvenance.Kind { .institution } }
extension UnitProvenance.Part: ReaderPlaceholder { static var readerPlaceholder: UnitProvenance.Part { .title } }
