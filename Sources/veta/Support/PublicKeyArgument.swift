import Foundation
import VetaProgress

/// A `--public-key` value: a file holding a JWK, or the key itself (multibase `z6Mk…` or base64url).
func publicKeyArgument(_ value: String) throws -> PublicSigningKey {
    let text = FileManager.default.fileExists(atPath: value) ? (try? String(contentsOfFile: value, encoding: .utf8)) ?? "" : value
    return try PublicSigningKey(text)
}
