internal import CLibXML2

/// Owns a parsed libxml2 document and frees it. Lives only inside one validation call.
final class XMLDocument {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    /// The root element, if the document has one.
    var root: XMLNode? {
        xmlDocGetRootElement(pointer).map(XMLNode.init)
    }
}
