internal import CLibXML2

extension SchemaFacts {
    /// Reads the facts out of a compiled schema (the target namespace, the global elements and
    /// the named simple types with their built-in base and bounds) and out of its text (the
    /// names of every element it declares).
    init(_ schema: xmlSchemaPtr, text: [UInt8]) {
        elementNames = Self.declaredElementNames(text)
        final class Names { var elements: [String] = [], types: [xmlSchemaTypePtr] = [] }
        let names = Names()
        let box = Unmanaged.passUnretained(names).toOpaque()
        if let table = schema.pointee.elemDecl {
            xmlHashScan(
                table,
                { _, data, name in
                    guard let data, let name else { return }
                    Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().elements.append(String(cString: name))
                }, box)
        }
        if let table = schema.pointee.typeDecl {
            xmlHashScan(
                table,
                { payload, data, _ in
                    guard let data, let payload else { return }
                    Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().types.append(
                        payload.assumingMemoryBound(to: xmlSchemaType.self))
                }, box)
        }
        targetNamespace = schema.pointee.targetNamespace.map { String(cString: $0) }
        globalElements = names.elements.sorted()
        for type in names.types {
            guard let name = type.pointee.name, let facts = Self.simpleType(type) else { continue }
            simpleTypes[String(cString: name)] = facts
        }
    }

    /// Walks a named simple type's derivation down to its built-in type, keeping the nearest
    /// bounds and enumeration.
    private static func simpleType(_ type: xmlSchemaTypePtr) -> SimpleType? {
        guard type.pointee.type == XML_SCHEMA_TYPE_SIMPLE else { return nil }
        var minimum: String?
        var maximum: String?
        var values: [String] = []
        var current: xmlSchemaTypePtr? = type
        var steps = 0
        while let step = current, step.pointee.type != XML_SCHEMA_TYPE_BASIC, steps < 32 {
            var facet = step.pointee.facets
            var local: [String] = []
            while let f = facet {
                let value = f.pointee.value.map { String(cString: $0) }
                switch f.pointee.type {
                case XML_SCHEMA_FACET_MININCLUSIVE: minimum = minimum ?? value
                case XML_SCHEMA_FACET_MAXINCLUSIVE: maximum = maximum ?? value
                case XML_SCHEMA_FACET_ENUMERATION: if let value { local.append(value) }
                default: break
                }
                facet = f.pointee.next
            }
            if values.isEmpty { values = local }
            current = step.pointee.baseType
            steps += 1
        }
        guard let basic = current, basic.pointee.type == XML_SCHEMA_TYPE_BASIC, let name = basic.pointee.name else { return nil }
        return SimpleType(builtIn: String(cString: name), minimum: minimum, maximum: maximum, values: values)
    }

    /// The `name` of every `<xs:element>` in the schema's text, read with the secure options.
    private static func declaredElementNames(_ text: [UInt8]) -> Set<String> {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = text.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { xmlReadMemory($0, Int32(buffer.count), nil, nil, options) }
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }
        var names: Set<String> = []
        var stack: [xmlNodePtr] = xmlDocGetRootElement(document).map { [$0] } ?? []
        while let node = stack.popLast() {
            if let name = node.pointee.name, xmlStrEqual(name, "element") != 0,
                let namespace = node.pointee.ns?.pointee.href, xmlStrEqual(namespace, "http://www.w3.org/2001/XMLSchema") != 0,
                let value = xmlGetNoNsProp(node, "name")
            {
                names.insert(String(cString: value))
                veta_xml_free(value)
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
        }
        return names
    }
}
