/// Which `xsi:schemaLocation` Veta accepts on a curriculum: a hint for editors (an XML language
/// server reads it to offer completion), never read by Veta, which always validates against its
/// bundled schema (or `--schema`).
///
/// Accepted: on the root element only, exactly one pair, the curriculum namespace and a relative,
/// local path to a `.xsd` file, e.g. `urn:veta:curriculum:1 ../Schemas/curriculum.xsd`. Refused
/// (`VETA-S005`): any scheme (`http:`, `file:`), an absolute path, a network path (`//host`), a
/// query or fragment, several pairs, another namespace, and every `xsi:noNamespaceSchemaLocation`.
enum SchemaLocationHint {
    /// The curriculum namespace, the only one a hint may name.
    static let namespace = "urn:veta:curriculum:1"

    /// Whether `value` (the attribute's text) is an accepted editor hint.
    static func isLocalEditorHint(_ value: String) -> Bool {
        let parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, parts[0] == namespace[...] else { return false }
        return isRelativeLocalPath(String(parts[1]))
    }

    /// A relative path reference to a `.xsd` file: no scheme, not absolute, no host, no query,
    /// fragment or percent-escape, no backslash or drive letter.
    static func isRelativeLocalPath(_ path: String) -> Bool {
        guard path.hasSuffix(".xsd"), !path.hasPrefix("/"), path.count <= 1024 else { return false }
        let forbidden: Set<Character> = [":", "\\", "?", "#", "%"]
        guard !path.contains(where: { forbidden.contains($0) || $0.isNewline }) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
    }
}
