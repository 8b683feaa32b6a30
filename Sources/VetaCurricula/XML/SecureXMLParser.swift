internal import CLibXML2
import Foundation

/// A well-formed document that passed the security checks, with its source for locating nodes.
struct ParsedDocument {
    let document: XMLDocument
    let source: SourceText
    let path: String
    let tags: StartTagIndex
    /// The date white-space rules already applied to the tree by the parser's walk, if any.
    let normalisedDates: DateWhitespace?

    /// The line and column of `node`'s start tag: from the index, or by searching near the line
    /// libxml2 recorded when the index does not have it.
    func startOfTag(_ node: XMLNode) -> (line: Int, column: Int)? {
        if let offset = tags.offset(of: node.pointer) { return source.position(of: offset) }
        return source.startOfTag(node.qualifiedName, line: node.line)
    }
}

/// Parses XML with every libxml2 feature that could reach outside the file turned off.
///
/// No network, no DTD loading, no entity substitution, no XInclude, libxml2's size limits kept
/// (no `XML_PARSE_HUGE`), and a refusing external-entity loader. A document with a DOCTYPE is
/// refused outright: the parser stops at the DOCTYPE before reading any declaration in it.
struct SecureXMLParser {
    static let xincludeNamespaces: Set<String> = [
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude",
    ]
    static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    let limits: ParseLimits
    /// When given, the date and time values the schema declares are trimmed during the parser's
    /// walk over the tree (see ``DateWhitespace``), so that validation need not walk it again.
    var dates: DateWhitespace? = nil

    /// Parses `bytes`, returning the document or the diagnostics that explain why not.
    func parse(_ bytes: [UInt8], path: String) -> Result<ParsedDocument, DiagnosticList> {
        let file = SourceLocation(file: path, line: 0)
        guard !bytes.isEmpty else {
            return .failure([DocumentCheck.emptyFile.diagnostic(at: file, "the file is empty")])
        }
        guard bytes.count <= limits.maximumFileSize, bytes.count < Int(Int32.max) else {
            return .failure([
                DocumentCheck.fileTooLarge.diagnostic(
                    at: file,
                    "the file is \(bytes.count) bytes, over the limit of \(limits.maximumFileSize) bytes")
            ])
        }
        ExternalResourceGuard.install()
        guard let context = xmlNewParserCtxt() else {
            return .failure([DocumentCheck.syntax.diagnostic(at: file, "libxml2 could not allocate a parser")])
        }
        defer { xmlFreeParserCtxt(context) }

        let collector = LibXMLErrorCollector()
        let scan = StructureScan(limits: limits, path: path, dates: dates)
        collector.scan = scan
        context.pointee._private = collector.opaque
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = context.pointee._private else { return }
            LibXMLErrorCollector.from(owner).append(error)
        }
        context.pointee.sax.pointee.internalSubset = { userData, _, _, _ in
            guard let userData else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            if let owner = context.pointee._private { LibXMLErrorCollector.from(owner).sawDoctype = true }
            xmlStopParser(context)
        }
        // libxml2's own tree building, then the structure checks on the element it made, while
        // it is in the cache (see StructureScan).
        context.pointee.sax.pointee.startElementNs = {
            userData, name, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes in
            guard let userData else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            let parent = context.pointee.node
            xmlSAX2StartElementNs(userData, name, prefix, uri, namespaceCount, namespaces, count, defaulted, attributes)
            guard let node = context.pointee.node, node != parent, let owner = context.pointee._private else { return }
            LibXMLErrorCollector.from(owner).scan?.started(node, depth: Int(context.pointee.nodeNr))
        }
        context.pointee.sax.pointee.endElementNs = { userData, name, prefix, uri in
            guard let userData else { return }
            let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            if let node = context.pointee.node, let owner = context.pointee._private {
                LibXMLErrorCollector.from(owner).scan?.ended(node)
            }
            xmlSAX2EndElementNs(userData, name, prefix, uri)
        }
        // XML_PARSE_COMPACT keeps short texts inside their node instead of a separate allocation,
        // as xmllint does; the tree stays editable through libxml2's own calls (xmlNodeSetContent,
        // xmlSetProp), which are the only ones DateWhitespace uses.
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        // Read through a callback rather than xmlCtxtReadMemory, which copies the whole file into
        // a buffer of its own first: libxml2 takes the bytes a chunk at a time and drops what it
        // has parsed, as it does for a file.
        let pointer = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            let reader = ChunkReader(base: base, count: buffer.count)
            return withExtendedLifetime(reader) {
                xmlCtxtReadIO(context, ChunkReader.read, nil, reader.opaque, path, nil, options)
            }
        }
        let document = pointer.map(XMLDocument.init)

        if collector.sawDoctype {
            return .failure([
                DocumentCheck.doctype.diagnostic(
                    at: SourceLocation(file: path, line: Int(context.pointee.input?.pointee.line ?? 0)),
                    "the document has a DOCTYPE; DTDs and entity declarations are refused")
            ])
        }
        if let fatal = collector.errors.first(where: { !$0.isWarning }) ?? (document == nil ? collector.errors.first : nil) {
            return .failure([Self.diagnostic(for: fatal, path: path)])
        }
        guard let document, document.root != nil else {
            return .failure([DocumentCheck.syntax.diagnostic(at: file, "the document has no root element")])
        }
        let source = SourceText(bytes)
        let problems = scan.problems(in: source)
        if !problems.isEmpty { return .failure(DiagnosticList(problems)) }
        let tags = StartTagIndex(bytes: bytes, elementCount: scan.elements)
        return .success(
            ParsedDocument(document: document, source: source, path: path, tags: tags, normalisedDates: dates))
    }

    /// Maps a libxml2 parse error to the check it belongs to.
    static func diagnostic(for error: LibXMLError, path: String) -> Diagnostic {
        let location = SourceLocation(file: path, line: error.line, column: error.column)
        let message = error.message
        if message.contains("Excessive depth") {
            return DocumentCheck.tooDeep.diagnostic(
                at: location, "elements are nested deeper than libxml2's limit of 256 levels")
        }
        if message.contains("too long") || message.contains("Huge") || message.contains("amplification")
            || message.contains("entity reference loop")
        {
            return DocumentCheck.resourceLimit.diagnostic(at: location, "libxml2 refused input over its size limits: \(message)")
        }
        switch Int(error.code) {
        case Int(XML_ERR_DOCUMENT_EMPTY.rawValue):
            // The file has bytes (empty files are caught before parsing) but no element.
            return DocumentCheck.syntax.diagnostic(at: location, "no XML element found: the file does not look like XML")
        case Int(XML_ERR_INVALID_CHAR.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
            Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue), Int(XML_ERR_UNKNOWN_ENCODING.rawValue):
            return DocumentCheck.encoding.diagnostic(
                at: location, EncodingErrorExplainer.explain(message: message) ?? Explanation(message), original: message)
        default:
            let explanation = ParseErrorExplainer.explain(code: error.code, message: message) ?? Explanation(message)
            return DocumentCheck.syntax.diagnostic(at: location, explanation, original: message)
        }
    }
}
