internal import CLibXML2

/// Checks each element for what libxml2 accepts but Veta refuses (nesting past the configured
/// depth, XInclude elements, `xsi:schemaLocation` hints) while the parser builds the tree, and
/// does the rest of the per-element work there too: each element's number for the start-tag
/// index and the date white space.
///
/// The parser calls ``started(_:depth:)`` right after it creates an element and ``ended(_:)``
/// when the element's content is complete, so each node is handled while it is still in the
/// processor's cache: a finished tree is far larger than the caches, and a separate walk over it
/// paid a cache miss per node. Elements come in document order (the order of their start tags).
///
/// It allocates nothing for a clean node: names and namespaces are compared in place, and a
/// problem keeps only its node; its message and location are made by ``problems(in:)`` after the
/// parse, when the tree is complete.
final class StructureScan {
    let limits: ParseLimits
    let path: String
    private let dates: DateWhitespace?
    /// How many elements have been numbered.
    private(set) var elements = 0
    private var found: [(node: xmlNodePtr, problem: Problem)] = []
    /// Set at the first element nested too deep: as a walk of the finished tree would, nothing
    /// after it is looked at.
    private var stopped = false
    // Namespace declarations are shared by the elements under them: judge each one once.
    private var lastNamespace: UnsafeMutablePointer<xmlNs>?
    private var lastIsXInclude = false

    private enum Problem {
        case tooDeep(depth: Int)
        case xinclude
        case schemaLocation(attribute: String)
    }

    init(limits: ParseLimits, path: String, dates: DateWhitespace?) {
        self.limits = limits
        self.path = path
        self.dates = dates
    }

    /// A new element at `depth` (the root is at 1), its attributes and namespace set.
    func started(_ pointer: xmlNodePtr, depth: Int) {
        guard !stopped else { return }
        if depth > limits.maximumDepth {
            found.append((pointer, .tooDeep(depth: depth)))
            stopped = true
            return
        }
        StartTagIndex.number(pointer, as: elements)
        elements += 1
        if let namespace = pointer.pointee.ns, namespace != lastNamespace {
            lastNamespace = namespace
            lastIsXInclude = namespace.pointee.href.map(Self.isXInclude) ?? false
        }
        if pointer.pointee.ns != nil, lastIsXInclude {
            found.append((pointer, .xinclude))
        }
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let namespace = current.pointee.ns?.pointee.href,
                xmlStrEqual(namespace, SecureXMLParser.schemaInstanceNamespace) != 0,
                let name = current.pointee.name,
                xmlStrEqual(name, "schemaLocation") != 0 || xmlStrEqual(name, "noNamespaceSchemaLocation") != 0,
                !(depth == 1 && xmlStrEqual(name, "schemaLocation") != 0 && Self.isEditorHint(current))
            {
                found.append((pointer, .schemaLocation(attribute: String(cString: name))))
            }
            attribute = current.pointee.next
        }
    }

    /// An element whose content (its text, its child elements) is complete.
    func ended(_ pointer: xmlNodePtr) {
        guard !stopped else { return }
        dates?.normalise(element: pointer)
    }

    /// Every problem found, in document order, as diagnostics located in `source`; the tree must
    /// be complete.
    func problems(in source: SourceText) -> [Diagnostic] {
        found.map { pointer, problem in
            let node = XMLNode(pointer: pointer)
            switch problem {
            case .tooDeep(let depth):
                return DocumentCheck.tooDeep.diagnostic(
                    at: location(node, in: source),
                    "<\(node.qualifiedName)> is nested \(depth) levels deep, over the limit of \(limits.maximumDepth)")
            case .xinclude:
                return DocumentCheck.xinclude.diagnostic(
                    at: location(node, in: source), "<\(node.qualifiedName)> is an XInclude; inclusions are never processed")
            case .schemaLocation(let name):
                return DocumentCheck.schemaLocation.diagnostic(
                    at: location(node, in: source),
                    "<\(node.qualifiedName)> names a schema with xsi:\(name); schema locations are never fetched, and only a relative, local one on the root is accepted (as a hint for editors)"
                )
            }
        }
    }

    /// Whether the attribute's value is a relative, local hint for editors (``SchemaLocationHint``).
    private static func isEditorHint(_ attribute: xmlAttrPtr) -> Bool {
        guard let text = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return false }
        defer { veta_xml_free(text) }
        return SchemaLocationHint.isLocalEditorHint(String(cString: text))
    }

    private static func isXInclude(_ namespace: UnsafePointer<xmlChar>) -> Bool {
        SecureXMLParser.xincludeNamespaces.contains { xmlStrEqual(namespace, $0) != 0 }
    }

    private func location(_ node: XMLNode, in source: SourceText) -> SourceLocation {
        let start = source.startOfTag(node.qualifiedName, line: node.line)
        return SourceLocation(file: path, line: start?.line ?? node.line, column: start?.column)
    }
}
