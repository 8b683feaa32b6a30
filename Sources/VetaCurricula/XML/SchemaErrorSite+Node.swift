internal import CLibXML2

extension SchemaErrorSite {
    /// The site of a finding on `element` (and on `attribute` of it, when given).
    init(element pointer: xmlNodePtr, attribute: String?) {
        let node = XMLNode(pointer: pointer)
        element = node.qualifiedName
        localName = node.name
        namespace = node.namespaceURI
        parent = pointer.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? XMLNode(pointer: $0).qualifiedName : nil }
        self.attribute = attribute
        following = Self.siblings(from: pointer.pointee.next) { $0.pointee.next }
        preceding = Self.siblings(from: pointer.pointee.prev) { $0.pointee.prev }
    }

    private static func siblings(from start: xmlNodePtr?, step: (xmlNodePtr) -> xmlNodePtr?) -> [Sibling] {
        var result: [Sibling] = []
        var current = start
        while let node = current, result.count < siblingLimit {
            if node.pointee.type == XML_ELEMENT_NODE {
                let element = XMLNode(pointer: node)
                result.append(Sibling(name: element.name, line: element.line))
            }
            current = step(node)
        }
        return result
    }
}
