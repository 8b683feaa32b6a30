internal import CLibXML2

/// Walks a parsed tree once for what libxml2 accepts but Veta refuses: nesting past the
/// configured depth, XInclude elements, and `xsi:schemaLocation` hints.
struct StructureScan {
    let limits: ParseLimits
    let source: SourceText
    let path: String

    func problems(in root: XMLNode) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var stack: [(node: XMLNode, depth: Int)] = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            let start = source.startOfTag(node.qualifiedName, line: node.line)
            let location = SourceLocation(file: path, line: start?.line ?? node.line, column: start?.column)
            if depth > limits.maximumDepth {
                problems.append(
                    DocumentCheck.tooDeep.diagnostic(
                        at: location, "<\(node.qualifiedName)> is nested \(depth) levels deep, over the limit of \(limits.maximumDepth)"))
                return problems
            }
            if let namespace = node.namespaceURI, SecureXMLParser.xincludeNamespaces.contains(namespace) {
                problems.append(
                    DocumentCheck.xinclude.diagnostic(
                        at: location, "<\(node.qualifiedName)> is an XInclude; inclusions are never processed"))
            }
            for attribute in ["schemaLocation", "noNamespaceSchemaLocation"] {
                if node.attribute(attribute, namespace: SecureXMLParser.schemaInstanceNamespace) != nil {
                    problems.append(
                        DocumentCheck.schemaLocation.diagnostic(
                            at: location, "<\(node.qualifiedName)> names a schema with xsi:\(attribute); schema locations are never fetched"
                        ))
                }
            }
            for child in node.children.reversed() { stack.append((child, depth + 1)) }
        }
        return problems
    }
}
