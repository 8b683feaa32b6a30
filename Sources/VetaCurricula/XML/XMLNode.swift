internal import CLibXML2
import Foundation

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
        name.withCString { wanted in
            var child = pointer.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, Self.equal(node.pointee.name, wanted) {
                    return XMLNode(pointer: node)
                }
                child = node.pointee.next
            }
            return nil
        }
    }

    /// All child elements with this local name.
    func children(_ name: String) -> [XMLNode] {
        name.withCString { wanted in
            var result: [XMLNode] = []
            var child = pointer.pointee.children
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE, Self.equal(node.pointee.name, wanted) {
                    result.append(XMLNode(pointer: node))
                }
                child = node.pointee.next
            }
            return result
        }
    }

    /// Whether a libxml2 name is `wanted`. The names are compared in place: passing a Swift
    /// `String` where libxml2 takes an `xmlChar` pointer would copy it on every call, and this
    /// runs for every node a curriculum's reader looks at.
    static func equal(_ name: UnsafePointer<xmlChar>?, _ wanted: UnsafePointer<CChar>) -> Bool {
        guard let name else { return false }
        return UnsafeRawPointer(name).withMemoryRebound(to: CChar.self, capacity: 1) { strcmp($0, wanted) == 0 }
    }

    /// The value of an unqualified attribute.
    func attribute(_ name: String) -> String? {
        withAttributeValue(name) { String(cString: $0) }
    }

    /// Calls `body` with the attribute's value in place, without copying it when the value is one
    /// text node (always, for a parsed document without entities).
    private func withAttributeValue<T>(_ name: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T? {
        name.withCString { wanted in
            var property = pointer.pointee.properties
            while let current = property {
                if current.pointee.ns == nil, Self.equal(current.pointee.name, wanted) {
                    if let text = current.pointee.children, text.pointee.next == nil, let content = text.pointee.content {
                        return body(content)
                    }
                    guard let value = xmlGetNoNsProp(pointer, current.pointee.name) else { return nil }
                    defer { veta_xml_free(value) }
                    return body(value)
                }
                property = current.pointee.next
            }
            return nil
        }
    }

    /// The value of an attribute in a namespace.
    func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(pointer, name, namespace) else { return nil }
        defer { veta_xml_free(value) }
        return String(cString: value)
    }

    /// The text content exactly as written (after XML's own line-end normalization).
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { veta_xml_free(content) }
        return String(cString: content)
    }

    /// The text content with runs of XML white space (space, tab, CR, LF) collapsed to one
    /// space and trimmed, as the schema's `xs:token` sees it. Works on bytes: this runs for
    /// every text in a curriculum.
    var collapsedText: String {
        // An element holding one text node: read it in place.
        if let text = pointer.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
            let content = text.pointee.content
        {
            return Self.collapse(content)
        }
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { veta_xml_free(content) }
        return Self.collapse(content)
    }

    private static func collapse(_ content: UnsafePointer<xmlChar>) -> String {
        let length = Int(xmlStrlen(content))
        if isCollapsed(content, length: length) {
            return String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: length) { output in
            var count = 0
            var pendingSpace = false
            for index in 0..<length {
                let byte = content[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    /// Whether the text has no leading, trailing or repeated white space and no tab or line break:
    /// the common case, which needs no copy.
    private static func isCollapsed(_ content: UnsafePointer<xmlChar>, length: Int) -> Bool {
        guard length > 0 else { return true }
        if content[0] == 0x20 || content[length - 1] == 0x20 { return false }
        // strpbrk and strstr are vectorised in libc; texts are most of a curriculum's bytes.
        return content.withMemoryRebound(to: CChar.self, capacity: length + 1) { text in
            strpbrk(text, "\t\n\r") == nil && strstr(text, "  ") == nil
        }
    }
}
