internal import CLibXML2

/// Works around a libxml2 2.9 bug: it validates `xs:date` and the other date and time types
/// without first applying their `whiteSpace="collapse"` facet, so `<published>\n  2026-11-24\n</published>`,
/// legal XSD, is refused. Before validation, the text of every element (and the value of every
/// attribute) that the schema declares with a date or time type, and no other type, is trimmed
/// of XML white space. Trimming is what the facet itself does, so nothing valid changes meaning;
/// the model's readers collapse these values anyway.
struct DateWhitespace: Sendable {
    /// Local names of the elements and attributes whose every declaration has a date or time type.
    let elements: Set<String>
    let attributes: Set<String>
    /// The same names as NUL-terminated bytes, compared in place with the parser's C strings for
    /// every element and attribute of every file (see ``isListed(_:in:)``).
    private let elementNames: [[UInt8]]
    private let attributeNames: [[UInt8]]

    private static let dateTypes: Set<String> = [
        "date", "dateTime", "time", "gYear", "gYearMonth", "gMonth", "gMonthDay", "gDay", "duration",
    ]
    private static let xsd = "http://www.w3.org/2001/XMLSchema"

    /// Reads the declarations from the schema's bytes; none when the schema does not parse (it
    /// then fails to compile anyway).
    init(schema bytes: [UInt8]) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count < Int(Int32.max) else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "schema.xsd", nil, options)
            }
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            elements = []
            attributes = []
            elementNames = []
            attributeNames = []
            return
        }
        defer { xmlFreeDoc(document) }
        let schemaRoot = XMLNode(pointer: root)
        var namedTypes: [String: String] = [:]
        var declarations: [(kind: String, name: String, type: String?)] = []
        Self.collect(schemaRoot, namedTypes: &namedTypes, declarations: &declarations)
        func isDate(_ type: String?) -> Bool {
            var current = type.map(Self.localName)
            var steps = 0
            while let name = current, steps < 32 {
                if Self.dateTypes.contains(name) { return true }
                current = namedTypes[name]
                steps += 1
            }
            return false
        }
        var verdicts: [String: Bool] = [:]
        for declaration in declarations {
            let key = declaration.kind + " " + declaration.name
            verdicts[key] = (verdicts[key] ?? true) && isDate(declaration.type)
        }
        elements = Set(verdicts.filter { $0.value && $0.key.hasPrefix("element ") }.map { String($0.key.dropFirst(8)) })
        attributes = Set(verdicts.filter { $0.value && $0.key.hasPrefix("attribute ") }.map { String($0.key.dropFirst(10)) })
        elementNames = elements.sorted().map { Array($0.utf8) + [0] }
        attributeNames = attributes.sorted().map { Array($0.utf8) + [0] }
    }

    /// Trims the white space around date and time values in `document`, in place.
    func normalise(_ document: XMLDocument) {
        guard !elements.isEmpty || !attributes.isEmpty, let root = xmlDocGetRootElement(document.pointer) else { return }
        var stack: [xmlNodePtr] = [root]
        while let node = stack.popLast() {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
            normalise(element: node)
        }
    }

    /// Trims the white space around the date and time values of one element (its text and its
    /// attributes), in place. The secure parser calls this from its one walk over a new tree.
    ///
    /// It runs for every element of every file, so names are compared as C strings in place and
    /// a Swift string is made only for a date value.
    func normalise(element node: xmlNodePtr) {
        if !attributeNames.isEmpty {
            var property = node.pointee.properties
            while let attribute = property {
                if attribute.pointee.ns == nil, Self.isListed(attribute.pointee.name, in: attributeNames),
                    let name = attribute.pointee.name.map({ String(cString: $0) }),
                    let value = XMLNode(pointer: node).attribute(name)
                {
                    let trimmed = Self.trimmed(value)
                    if trimmed != value { xmlSetProp(node, name, trimmed) }
                }
                property = attribute.pointee.next
            }
        }
        // Only an element holding one text node: anything else is invalid for a simple type.
        if !elementNames.isEmpty, Self.isListed(node.pointee.name, in: elementNames), let text = node.pointee.children,
            text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content
        {
            let value = String(cString: content)
            let trimmed = Self.trimmed(value)
            if trimmed != value { xmlNodeSetContent(text, trimmed) }
        }
    }

    /// Whether `other` trims exactly the same names.
    func isSame(as other: DateWhitespace) -> Bool {
        elements == other.elements && attributes == other.attributes
    }

    /// Whether `name` is one of `names` (each NUL-terminated): the first byte rules out most
    /// names without a call, and no Swift string is made (this runs for every element).
    private static func isListed(_ name: UnsafePointer<xmlChar>?, in names: [[UInt8]]) -> Bool {
        guard let name else { return false }
        let first = name.pointee
        for wanted in names where wanted[0] == first {
            if wanted.withUnsafeBufferPointer({ xmlStrEqual(name, $0.baseAddress) != 0 }) { return true }
        }
        return false
    }

    private static func collect(
        _ node: XMLNode, namedTypes: inout [String: String], declarations: inout [(kind: String, name: String, type: String?)]
    ) {
        for child in node.children where child.namespaceURI == xsd {
            switch child.name {
            case "simpleType":
                if let name = child.attribute("name"), let base = restrictionBase(of: child) { namedTypes[name] = base }
            case "element", "attribute":
                if let name = child.attribute("name") {
                    let inline = child.child("simpleType").flatMap(restrictionBase(of:))
                    declarations.append((child.name, name, child.attribute("type") ?? inline))
                }
            default: break
            }
            collect(child, namedTypes: &namedTypes, declarations: &declarations)
        }
    }

    private static func restrictionBase(of simpleType: XMLNode) -> String? {
        simpleType.child("restriction")?.attribute("base").map(localName)
    }

    private static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    private static func trimmed(_ value: String) -> String {
        let space: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
        guard let first = value.firstIndex(where: { !space.contains($0) }),
            let last = value.lastIndex(where: { !space.contains($0) })
        else { return value }
        return String(value[first...last])
    }
}
