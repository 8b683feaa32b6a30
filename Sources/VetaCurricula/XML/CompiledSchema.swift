internal import CLibXML2
import Foundation

/// An XSD compiled once by libxml2 and shared by every validation in a run.
///
/// libxml2 allows one compiled schema to serve many validation contexts on different threads;
/// each validation here creates its own context.
final class CompiledSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr
    /// The date and time values this schema trims before validation (a libxml2 2.9 workaround).
    let dateWhitespace: DateWhitespace
    /// What the schema declares, for putting findings in plain words.
    let facts: SchemaFacts

    /// Compiles XSD bytes. The schema must be self-contained: imports and includes are refused.
    init(bytes: [UInt8], path: String) throws(SchemaLoadError) {
        ExternalResourceGuard.install()
        // xmlSchemaNewMemParserCtxt does not copy the buffer: compile while it is alive.
        let compiled: Result<xmlSchemaPtr, SchemaLoadError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return .failure(SchemaLoadError(path: path, messages: ["the schema is empty"]))
            }
            let parserContext = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
            }
            guard let parserContext else {
                return .failure(SchemaLoadError(path: path, messages: ["libxml2 could not allocate a schema parser"]))
            }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            let collector = LibXMLErrorCollector()
            xmlSchemaSetParserStructuredErrors(parserContext, Self.collect, collector.opaque)
            // The schema document itself is parsed with libxml2's thread-local handler: route it too.
            xmlSetStructuredErrorFunc(collector.opaque, Self.collect)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            guard let schema = xmlSchemaParse(parserContext) else {
                let messages = collector.errors.map { "line \($0.line): \($0.message)" }
                return .failure(
                    SchemaLoadError(path: path, messages: messages.isEmpty ? ["the schema does not compile"] : messages))
            }
            return .success(schema)
        }
        let schema: xmlSchemaPtr
        switch compiled {
        case .success(let compiledSchema): schema = compiledSchema
        case .failure(let error): throw error
        }
        pointer = schema
        dateWhitespace = DateWhitespace(schema: bytes)
        facts = SchemaFacts(schema, text: bytes)
    }

    deinit { xmlSchemaFree(pointer) }

    /// Validates a parsed document, returning one diagnostic per schema violation.
    func validate(_ parsed: ParsedDocument) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [
                DocumentCheck.schema.diagnostic(
                    at: SourceLocation(file: parsed.path, line: 0), "libxml2 could not allocate a validator")
            ]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = LibXMLErrorCollector()
        xmlSchemaSetValidStructuredErrors(context, Self.collect, collector.opaque)
        if parsed.normalisedDates?.isSame(as: dateWhitespace) != true { dateWhitespace.normalise(parsed.document) }
        let status = xmlSchemaValidateDoc(context, parsed.document.pointer)
        var diagnostics = collector.errors.filter { !$0.isWarning }.map { diagnostic(for: $0, in: parsed) }
        if status != 0 && diagnostics.isEmpty {
            diagnostics.append(
                DocumentCheck.schema.diagnostic(
                    at: SourceLocation(file: parsed.path, line: 0), "the document does not conform to the schema"))
        }
        return diagnostics
    }

    private static let collect: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        LibXMLErrorCollector.from(userData).append(error)
    }

    private func diagnostic(for error: LibXMLError, in parsed: ParsedDocument) -> Diagnostic {
        var location = SourceLocation(file: parsed.path, line: error.line, column: nil)
        var explanation: Explanation?
        if let node = error.node {
            let isAttribute = node.pointee.type == XML_ATTRIBUTE_NODE
            let attributeName: String? =
                isAttribute ? node.pointee.name.map { String(cString: $0) } : Self.attributeName(in: error.message)
            let elementPointer = isAttribute ? node.pointee.parent : node
            if let elementPointer {
                let element = XMLNode(pointer: elementPointer)
                let start = parsed.startOfTag(element)
                location.line = start?.line ?? element.line
                location.column = start?.column
                if let attributeName, let start,
                    let position = parsed.source.positionOfAttribute(attributeName, tagLine: start.line, tagColumn: start.column)
                {
                    location.line = position.line
                    location.column = position.column
                }
                let site = SchemaErrorSite(element: elementPointer, attribute: attributeName)
                explanation = SchemaExplainer.explain(code: error.code, message: error.message, site: site, facts: facts)
            }
        }
        return DocumentCheck.schema.diagnostic(
            at: location, explanation ?? Explanation(Self.readable(error.message)), original: error.message)
    }

    /// Drops `{namespace}` prefixes from libxml2's messages: `Element '{urn:...}unit'` becomes
    /// `Element 'unit'`. Braces that hold no namespace (a pattern's `{1,12}`, an enumeration's
    /// `{'a', 'b'}`) stay.
    static func readable(_ message: String) -> String {
        var result = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}") {
                let inside = rest[afterOpen..<close]
                if inside.contains(":"), !inside.contains(" "), !inside.contains("'") {
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            result.append("{")
            rest = rest[afterOpen...]
        }
        return result + rest
    }

    /// The attribute a message is about: `Element 'unit', attribute 'hours': ...` gives `hours`.
    static func attributeName(in message: String) -> String? {
        guard let range = message.range(of: ", attribute '") else { return nil }
        let tail = message[range.upperBound...]
        return tail.firstIndex(of: "'").map { String(tail[..<$0]) }
    }
}

/// A schema that could not be read or compiled.
public struct SchemaLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The schema's path.
    public let path: String
    /// What libxml2 reported.
    public let messages: [String]

    public var description: String {
        "cannot use schema \(path): " + messages.joined(separator: "; ")
    }
}
