internal import CLibXML2

/// A borrowed view of an element node. Valid only while its ``XMLDocument`` is alive.
struct XMLNode {
    let pointer: xmlNodePtr

    /// The local name, without prefix.
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// The namespace URI, if any.
    var namespaceURI: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// The name as written in the source, with its prefix.
    var qualifiedName: String {
        if let prefix = pointer.pointee.ns?.pointee.prefix {
            return String(cString: prefix) + ":" + name
        }
        return name
    }

    /// The line libxml2 recorded for the start tag.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    /// The child elements, in document order.
    var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(XMLNode(pointer: node)) }
            child = node.pointee.next
        }
        return result
    }

    /// The first child element with this local name.
    func child(_ name: String) -> XMLNode? {
        var child = pointer.pointee.children
        while let node = child {
            if node.pointee.type == XML_ELEMENT_NODE, let n = node.pointee.name,
                xmlStrEqual(n, name) != 0
            {
                return XMLNode(pointer: node)
            }
            child = node.pointee.next
        }
        return nil
    }

    /// All child elements with this local name.
    func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// The value of an unqualified attribute.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { veta_xml_free(value) }
        return String(cString: value)
    }

    /// The value of an attribute in a namespace.
    func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(pointer, name, namespace) else { return nil }
        defer { veta_xml_free(value) }
        return String(cString: value)
    }

    /// The text content with runs of white space collapsed to one space.
    var collapsedText: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { veta_xml_free(content) }
        return String(cString: content).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
