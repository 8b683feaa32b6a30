/// What the compiled schema declares, as plain values: its target namespace, its global
/// elements and, for each named simple type, what the type accepts.
struct SchemaFacts: Hashable {
    /// What a named simple type accepts: the XSD built-in type it restricts and its bounds.
    struct SimpleType: Hashable {
        /// The local name of the XSD built-in type at the root of the derivation (`nonNegativeInteger`).
        var builtIn: String
        var minimum: String?
        var maximum: String?
        var values: [String] = []
    }

    var targetNamespace: String?
    /// The local names of the global element declarations, sorted.
    var globalElements: [String] = []
    /// The names of every element the schema declares, global or local.
    var elementNames: Set<String> = []
    /// Named simple types by local name.
    var simpleTypes: [String: SimpleType] = [:]
}
