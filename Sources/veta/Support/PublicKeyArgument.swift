import Foundation
import VetaProgress

/// A `--public-key` value: a file holding a JWK, or the key itself (multibase `z6Mk…` or base64url).
/// A value with `/` or `.` (neither is in a key's alphabet) is a path: a missing or unreadable file
/// is a storage error (exit 2, "cannot read"), not a malformed key.
func publicKeyArgument(_ value: String) throws -> PublicSigningKey {
    if FileManager.default.fileExists(atPath: value) {
        guard let text = try? String(contentsOfFile: value, encoding: .utf8) else { throw StoreError(.storage, "cannot read \(value)") }
        return try PublicSigningKey(text)
    }
    if value.contains("/") || value.contains(".") { throw StoreError(.storage, "cannot read \(value): no such file") }
    return try PublicSigningKey(value)
}
