import Foundation
import GRDB

/// The `registry` column of `ledger_entry`: a registry entry's ``RegistryDetails`` as canonical
/// JSON text (`subject` and the fields, keys in ascending byte order; NULL on every other kind).
enum RegistryColumn {
    /// The details stored in `value`, or why it is not exactly their canonical text.
    static func details(_ value: DatabaseValue) -> Result<RegistryDetails, RecordColumnsError> {
        guard case .string(let text) = value.storage else { return .failure(RecordColumnsError("registry data is missing or not TEXT")) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            return .failure(RecordColumnsError("registry data is not a JSON object"))
        }
        var fields: [String: String] = [:]
        var subject: String?
        for (key, value) in object {
            guard let text = value as? String else { return .failure(RecordColumnsError("registry field \(key) is not text")) }
            if key == "subject" {
                subject = text
            } else {
                guard RegistryDetails.fieldNames.contains(key) else { return .failure(RecordColumnsError("unknown registry field \(key)")) }
                fields[key] = text
            }
        }
        guard let subject, !subject.isEmpty else { return .failure(RecordColumnsError("registry data names no subject")) }
        let details = RegistryDetails(subject: subject, fields: fields)
        guard LedgerCanonicalEncoding.registryColumn(details) == text else {
            return .failure(RecordColumnsError("the row is not stored exactly: registry is not written in its canonical form"))
        }
        return .success(details)
    }
}
