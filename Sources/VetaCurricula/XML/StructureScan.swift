internal import CLibXML2

/// Walks a parsed tree once for what libxml2 accepts but Veta refuses: nesting past the
/// configured depth, XInclude elements, and `xsi:schemaLocation` hints.
///
/// It runs on every file, so it allocates nothing for a clean node: names and namespaces are
/// compared in place and a location is computed only for a problem. The same walk hands each
/// element, in document order, to `visit`: a new tree is far larger than the processor's
/// caches, and every separate walk over it pays a cache miss per node.
struct StructureScan {
    let limits: ParseLimits
    let source: SourceText
    let path: String

    func problems(in root: XMLNode, visit: (xmlNodePtr) -> Void = { _ in }) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var stack: [(node: xmlNodePtr, depth: Int)] = [(root.pointer, 1)]
        // Namespace declarations are shared by the elements under them: judge each one once.
        var lastNamespace: UnsafeMutablePointer<xmlNs>?
        var lastIsXInclude = false
        while let (pointer, depth) = stack.popLast() {
            if depth > limits.maximumDepth {
                let node = XMLNode(pointer: pointer)
                problems.append(
                    DocumentCheck.tooDeep.diagnostic(
                        at: location(node),
                        "<\(node.qualifiedName)> is nested \(depth) levels deep, over the limit of \(limits.maximumDepth)"))
                return problems
            }
            visit(pointer)
            if let namespace = pointer.pointee.ns, namespace != lastNamespace {
                lastNamespace = namespace
                lastIsXInclude = namespace.pointee.href.map(Self.isXInclude) ?? false
            }
            if pointer.pointee.ns != nil, lastIsXInclude {
                let node = XMLNode(pointer: pointer)
                problems.append(
                    DocumentCheck.xinclude.diagnostic(
                        at: location(node), "<\(node.qualifiedName)> is an XInclude; inclusions are never processed"))
            }
            var attribute = pointer.pointee.properties
            while let current = attribute {
                if let namespace = current.pointee.ns?.pointee.href,
                    xmlStrEqual(namespace, SecureXMLParser.schemaInstanceNamespace) != 0,
                    let name = current.pointee.name,
                    xmlStrEqual(name, "schemaLocation") != 0 || xmlStrEqual(name, "noNamespaceSchemaLocation") != 0
                {
                    let node = XMLNode(pointer: pointer)
                    problems.append(
                        DocumentCheck.schemaLocation.diagnostic(
                            at: location(node),
                            "<\(node.qualifiedName)> names a schema with xsi:\(String(cString: name)); schema locations are never fetched"))
                }
                attribute = current.pointee.next
            }
            var child = pointer.pointee.last
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append((current, depth + 1)) }
                child = current.pointee.prev
            }
        }
        return problems
    }

    private static func isXInclude(_ namespace: UnsafePointer<xmlChar>) -> Bool {
        SecureXMLParser.xincludeNamespaces.contains { xmlStrEqual(namespace, $0) != 0 }
    }

    private func location(_ node: XMLNode) -> SourceLocation {
        let start = source.startOfTag(node.qualifiedName, line: node.line)
        return SourceLocation(file: path, line: start?.line ?? node.line, column: start?.column)
    }
}
