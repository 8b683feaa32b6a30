internal import CLibXML2

/// Owns a parsed libxml2 document and frees it. Lives only inside one validation call.
final class XMLDocument {
    let pointer: xmlDocPtr
    /// Whether the tree is freed with this value; see ``leaveAllocated()``.
    private var freesTree = true

    init(_ pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { if freesTree { xmlFreeDoc(pointer) } }

    /// Leaves the tree allocated when this value goes: for a process that exits right after, whose
    /// pages the system takes back at once, freeing a large tree node by node (millions of
    /// `free` calls, a tenth of validating one large file) is work for nothing.
    func leaveAllocated() { freesTree = false }

    /// The root element, if the document has one.
    var root: XMLNode? {
        xmlDocGetRootElement(pointer).map(XMLNode.init)
    }
}
