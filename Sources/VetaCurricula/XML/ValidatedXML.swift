internal import CLibXML2

/// An element of a small XML document read as a value: name, attributes, children, text, location.
public struct XMLElementValue: Hashable, Sendable {
    /// The local name.
    public let name: String
    /// Unqualified attributes.
    public let attributes: [String: String]
    /// Child elements, in order.
    public let children: [XMLElementValue]
    /// The text content, white space collapsed.
    public let text: String
    /// Where the start tag is.
    public let location: SourceLocation

    /// The children with this local name.
    public func children(_ name: String) -> [XMLElementValue] { children.filter { $0.name == name } }
}

/// Reads small XML documents other than curricula (e.g. audit policies) with the same secure
/// parser and an XSD of their own.
public enum ValidatedXML {
    /// Parses `bytes` securely and validates them against `schema`; returns the tree when valid.
    ///
    /// - Throws: ``SchemaLoadError`` when the schema does not compile.
    public static func read(
        _ bytes: [UInt8], path: String, schema: String, schemaPath: String, limits: ParseLimits = .default
    ) throws(SchemaLoadError) -> (root: XMLElementValue?, diagnostics: [Diagnostic]) {
        let compiled = try CompiledSchema(bytes: Array(schema.utf8), path: schemaPath)
        switch SecureXMLParser(limits: limits).parse(bytes, path: path) {
        case .failure(let list):
            return (nil, list.diagnostics)
        case .success(let parsed):
            let findings = compiled.validate(parsed)
            guard findings.isEmpty, let root = parsed.document.root else { return (nil, findings) }
            return (value(root, parsed: parsed), [])
        }
    }

    private static func value(_ node: XMLNode, parsed: ParsedDocument) -> XMLElementValue {
        let start = parsed.startOfTag(node)
        var attributes: [String: String] = [:]
        var property = node.pointer.pointee.properties
        while let current = property {
            if current.pointee.ns == nil, let name = current.pointee.name {
                let key = String(cString: name)
                attributes[key] = node.attribute(key)
            }
            property = current.pointee.next
        }
        return XMLElementValue(
            name: node.name, attributes: attributes, children: node.children.map { value($0, parsed: parsed) }, text: node.collapsedText,
            location: SourceLocation(file: parsed.path, line: start?.line ?? node.line, column: start?.column))
    }
}
