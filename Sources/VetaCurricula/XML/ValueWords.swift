/// Plain words for what an XSD simple type accepts: "a date (YYYY-MM-DD)", "a whole
/// number from 0 to 10000", "true, false, 1 or 0".
enum ValueWords {
    /// What a value of this type must be, and an example that fits, or `nil` for a type with no
    /// useful description (a string restricted by a pattern says more through the pattern).
    static func describe(_ type: SchemaFacts.SimpleType) -> (what: String, example: String)? {
        if !type.values.isEmpty {
            return ("one of " + list(type.values, conjunction: "or"), type.values[0])
        }
        guard let base = builtIns[type.builtIn] else { return nil }
        let lower = type.minimum ?? base.minimum
        switch (lower, type.maximum) {
        case (let lower?, let upper?): return ("\(base.what) from \(lower) to \(upper)", base.example)
        case (let lower?, nil) where lower != base.minimum: return ("\(base.what), \(lower) or more", base.example)
        case (nil, let upper?): return ("\(base.what) up to \(upper)", base.example)
        default: return (base.what + (base.minimum.map { ", \($0) or more" } ?? ""), base.example)
        }
    }

    /// The XSD built-in type `name` (`boolean`, or `xs:boolean`) as a ``SchemaFacts/SimpleType``.
    static func builtIn(_ name: String) -> SchemaFacts.SimpleType? {
        let local = name.hasPrefix("xs:") ? String(name.dropFirst(3)) : name
        return builtIns[local] == nil ? nil : SchemaFacts.SimpleType(builtIn: local)
    }

    /// `a, b or c`.
    static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + (items.last ?? "")
    }

    private struct BuiltIn {
        let what: String
        let example: String
        var minimum: String? = nil
    }

    private static let builtIns: [String: BuiltIn] = [
        "boolean": BuiltIn(what: "a boolean (true, false, 1 or 0)", example: "true"),
        "date": BuiltIn(what: "a date (YYYY-MM-DD)", example: "2026-11-24"),
        "dateTime": BuiltIn(what: "a date and time (YYYY-MM-DDThh:mm:ss)", example: "2026-11-24T08:00:00"),
        "gYear": BuiltIn(what: "a year (YYYY)", example: "2026"),
        "integer": BuiltIn(what: "a whole number", example: "12"),
        "int": BuiltIn(what: "a whole number", example: "12"),
        "long": BuiltIn(what: "a whole number", example: "12"),
        "nonNegativeInteger": BuiltIn(what: "a whole number", example: "16", minimum: "0"),
        "positiveInteger": BuiltIn(what: "a whole number", example: "1", minimum: "1"),
        "unsignedInt": BuiltIn(what: "a whole number", example: "16", minimum: "0"),
        "decimal": BuiltIn(what: "a number written with digits and an optional decimal point", example: "12.5"),
        "anyURI": BuiltIn(what: "a URI", example: "https://example.org/"),
    ]
}
