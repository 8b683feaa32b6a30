/// The checks made while reading a file, before the semantic rules: syntax, encoding, schema
/// and the security refusals.
public enum DocumentCheck: CaseIterable, Sendable {
    case syntax, encoding, schema, value
    case doctype, fileTooLarge, tooDeep, xinclude, schemaLocation, emptyFile, resourceLimit

    /// The check's descriptor.
    public var descriptor: RuleDescriptor {
        switch self {
        case .syntax:
            RuleDescriptor(
                id: "VETA-X001", name: "xml-syntax", severity: .error,
                summary: "The file is well-formed XML (tags closed and nested, attributes quoted, nothing cut off).",
                fix: "correct the XML syntax at the position shown; an XML-aware editor highlights it.")
        case .encoding:
            RuleDescriptor(
                id: "VETA-X002", name: "xml-encoding", severity: .error,
                summary: "The file is valid UTF-8 (or the encoding it declares) with no forbidden characters.",
                fix: "save the file as UTF-8 and remove control characters.")
        case .schema:
            RuleDescriptor(
                id: "VETA-X003", name: "schema", severity: .error,
                summary: "The file conforms to the curriculum schema (Schemas/curriculum.xsd).",
                fix: "follow Schemas/curriculum.xsd: required elements in order, allowed values and patterns.")
        case .value:
            RuleDescriptor(
                id: "VETA-X004", name: "unreadable-value", severity: .error,
                summary:
                    "Every value Veta reads is present and means what its type in Schemas/curriculum.xsd says, and fits Veta's model (whole numbers up to 9223372036854775807); a looser --schema cannot let a value through unread.",
                fix: "write the value as Schemas/curriculum.xsd's type allows and within the range shown.")
        case .doctype:
            RuleDescriptor(
                id: "VETA-S001", name: "doctype-refused", severity: .error,
                summary: "The file has no DOCTYPE: DTDs, entity declarations and external entities are refused unread.",
                fix: "remove the <!DOCTYPE ...> declaration; curricula are validated by the XSD only.")
        case .fileTooLarge:
            RuleDescriptor(
                id: "VETA-S002", name: "file-too-large", severity: .error,
                summary: "The file is no larger than the configured maximum (64 MiB by default).",
                fix: "split the curriculum, or raise the limit with --max-file-size if the file is trusted.")
        case .tooDeep:
            RuleDescriptor(
                id: "VETA-S003", name: "nesting-too-deep", severity: .error,
                summary: "Elements are nested no deeper than the configured maximum (32 levels by default).",
                fix: "a curriculum needs about 7 levels; remove the excess nesting.")
        case .xinclude:
            RuleDescriptor(
                id: "VETA-S004", name: "xinclude-refused", severity: .error,
                summary: "The file uses no XInclude: inclusions are never processed.",
                fix: "paste the included content into the file itself.")
        case .schemaLocation:
            RuleDescriptor(
                id: "VETA-S005", name: "schema-location-refused", severity: .error,
                summary:
                    "The file names no schema location (xsi:schemaLocation) other than a relative, local hint for editors on the root (urn:veta:curriculum:1 ../Schemas/curriculum.xsd): Veta validates against its own schema and never fetches or reads one.",
                fix:
                    "remove the attribute, or write xsi:schemaLocation=\"urn:veta:curriculum:1 ../Schemas/curriculum.xsd\" (a relative path); use --schema to choose a schema."
            )
        case .emptyFile:
            RuleDescriptor(
                id: "VETA-S006", name: "empty-file", severity: .error,
                summary: "The file is not empty.",
                fix: "write a <curriculum> document into the file, or remove it.")
        case .resourceLimit:
            RuleDescriptor(
                id: "VETA-S007", name: "size-limit", severity: .error,
                summary: "No text, attribute value or name exceeds libxml2's safety limits (10 MB).",
                fix: "shorten the oversized value; curriculum texts are at most 4000 characters.")
        }
    }

    func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
        descriptor.diagnostic(at: location, message)
    }

    func diagnostic(at location: SourceLocation, _ explanation: Explanation, original: String) -> Diagnostic {
        descriptor.diagnostic(at: location, explanation, original: original)
    }
}
