import VetaCurricula
import VetaProgress

/// A registered subject's history, read from the log: its registration and each amendment, with
/// the reason and the fields each one changed (the log keeps every version of the data).
struct RegistryHistory: Encodable {
    /// One registration or amendment.
    struct Change: Encodable {
        /// The log entry.
        let sequence: Int64
        /// `registered` or `amended`.
        let event: String
        /// The day it was recorded.
        let date: String
        /// The amendment's reason.
        let reason: String?
        /// The fields it changed: before and after (`before` is nil at registration).
        let changes: [Field]
    }

    /// One changed field.
    struct Field: Encodable {
        let field: String
        let before: String?
        let after: String?
    }

    /// The changes, oldest first.
    let changes: [Change]

    /// The history of `subject`, registered by `kind` entries and amended as `of`, from `entries`
    /// (registry entries in sequence order).
    init(of subject: String, registeredBy kind: LedgerEntry.Kind, amendedAs of: String, in entries: [LedgerEntry]) {
        var previous: [String: String] = [:]
        var changes: [Change] = []
        for entry in entries {
            guard let details = entry.registry, details.subject == subject,
                entry.kind == kind || (entry.kind == .amendment && details.fields["of"] == of)
            else { continue }
            var fields = details.fields
            fields["of"] = nil
            fields["migrated"] = nil
            let names = Set(fields.keys).union(previous.keys).sorted()
            let changed = names.filter { fields[$0] != previous[$0] }.map {
                Field(field: $0, before: previous[$0], after: fields[$0])
            }
            changes.append(
                Change(
                    sequence: entry.sequence, event: entry.kind == kind ? "registered" : "amended", date: entry.date.description,
                    reason: entry.kind == kind ? nil : entry.note, changes: changed))
            previous = fields
        }
        self.changes = changes
    }

    /// Text lines, indented by two spaces; keys shown as their multibase form, sites one by one.
    var lines: [String] {
        changes.flatMap { change -> [String] in
            let head =
                change.event == "registered"
                ? "  registered on \(change.date) (log entry \(change.sequence))"
                : "  amended on \(change.date) (log entry \(change.sequence)): \(change.reason ?? "")"
            guard change.event == "amended" else { return [head] }
            return [head]
                + change.changes.map { field in
                    "    \(field.field): \(Self.show(field.field, field.before)) -> \(Self.show(field.field, field.after))"
                }
        }
    }

    private static func show(_ field: String, _ value: String?) -> String {
        guard let value else { return "(none)" }
        if field == "publicKey", let key = try? PublicSigningKey(value) { return key.multibase }
        if field == "sites" { return value.isEmpty ? "(none)" : value.split(separator: "\n").joined(separator: ", ") }
        return value.isEmpty ? "\"\"" : value
    }
}
