import Crypto
import Foundation

/// A C2SP signed note (https://c2sp.org/signed-note): a UTF-8 text ending in a newline, a blank
/// line, then one line per signature, `— <key name> <base64(4-byte key id || Ed25519 signature)>`.
///
/// The signature covers the text exactly as written (its final newline included). The key id is
/// the first 4 bytes of SHA-256(key name || 0x0A || 0x01 || the 32-byte Ed25519 public key), so a
/// verifier that knows the name and the key finds its line without trying every signature.
public struct SignedNote: Hashable, Sendable {
    /// One signature line.
    public struct Signature: Hashable, Sendable {
        /// The key name written on the line.
        public let keyName: String
        /// The 4-byte key id.
        public let keyID: [UInt8]
        /// The 64-byte Ed25519 signature.
        public let signature: [UInt8]
    }

    /// The signed text, ending in a newline.
    public let text: String
    /// Every signature line, in order.
    public let signatures: [Signature]

    /// The largest note read: a checkpoint is a few hundred bytes.
    public static let maximumSize = 65_536

    /// Signs `text` (which must end in a newline and hold no blank line) with `key` named `keyName`.
    public static func sign(_ text: String, keyName: String, key: SigningKey) throws -> String {
        let verifier = try NoteVerifierKey(name: keyName, publicKey: key.publicKey)
        let signature = try key.signature(for: Array(text.utf8))
        return text + "\n— \(keyName) " + Data(verifier.keyID + signature).base64EncodedString() + "\n"
    }

    /// Parses a signed note; throws a ``KeyError`` naming what is malformed.
    public init(parsing bytes: [UInt8]) throws(KeyError) {
        guard bytes.count <= Self.maximumSize else { throw KeyError("the note is larger than \(Self.maximumSize) bytes") }
        guard let whole = String(validating: bytes, as: UTF8.self) else { throw KeyError("the note is not UTF-8") }
        guard let split = whole.range(of: "\n\n") else {
            throw KeyError("the note has no blank line before its signatures")
        }
        text = String(whole[..<split.lowerBound]) + "\n"
        let signatureText = whole[split.upperBound...]
        guard signatureText.hasSuffix("\n") else { throw KeyError("the note's last line does not end in a newline") }
        var signatures: [Signature] = []
        for line in signatureText.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "—", !parts[1].isEmpty,
                let decoded = Data(base64Encoded: String(parts[2])), decoded.count == 68
            else { throw KeyError("the note has a line that is not a signature (`— NAME BASE64`): \(line.prefix(80))") }
            let raw = Array(decoded)
            signatures.append(Signature(keyName: String(parts[1]), keyID: Array(raw[0..<4]), signature: Array(raw[4...])))
        }
        guard !signatures.isEmpty else { throw KeyError("the note has no signature") }
        self.signatures = signatures
    }

    /// Whether one of the signatures is `key`'s: a line with its name (or, for a key given without
    /// a name, any name) whose key id matches and whose signature verifies over ``text``.
    public func isSigned(by key: NoteVerifierKey) -> Bool {
        signatures.contains { line in
            guard key.name == nil || key.name == line.keyName,
                let id = try? NoteVerifierKey(name: line.keyName, publicKey: key.publicKey).keyID, id == line.keyID
            else { return false }
            return key.publicKey.isValidSignature(line.signature, for: Array(text.utf8))
        }
    }
}

/// An Ed25519 key that verifies signed notes, with the name it signs under.
///
/// Written as C2SP's verifier key `<name>+<key id, 8 hex digits>+<base64(0x01 || public key)>`.
/// A key given as a bare public key (JWK, `z6Mk…`, base64url) has no name: it matches a signature
/// line of any name whose key id it produces.
public struct NoteVerifierKey: Hashable, Sendable {
    /// The key name, or `nil` for a bare public key.
    public let name: String?
    /// The public key.
    public let publicKey: PublicSigningKey

    /// A named key; the name must be non-empty, without white space or `+`.
    public init(name: String, publicKey: PublicSigningKey) throws(KeyError) {
        guard Self.isValidName(name) else {
            throw KeyError("a note key name must be non-empty and hold no white space or '+': \(name)")
        }
        self.name = name
        self.publicKey = publicKey
    }

    /// A key without a name.
    public init(publicKey: PublicSigningKey) {
        name = nil
        self.publicKey = publicKey
    }

    /// Parses a verifier key `name+hex8+base64`, refusing one whose key id does not match.
    public init(verifierKey text: String) throws(KeyError) {
        // The key's standard base64 may itself hold "+": only the first two separate fields.
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let raw = Data(base64Encoded: String(parts[2])).map(Array.init), raw.count == 33, raw[0] == 0x01
        else { throw KeyError("not a note verifier key (NAME+KEYID+BASE64 with an Ed25519 key)") }
        let key = try PublicSigningKey(Base64URL.encode(Array(raw[1...])))
        try self.init(name: String(parts[0]), publicKey: key)
        guard keyID.hexString == parts[1] else { throw KeyError("the verifier key's id \(parts[1]) does not match its name and key") }
    }

    /// The 4-byte key id: SHA-256(name || 0x0A || 0x01 || key)[0..<4] (empty name for a bare key).
    public var keyID: [UInt8] {
        Array(SHA256.hash(data: Array((name ?? "").utf8) + [0x0A, 0x01] + publicKey.rawBytes).prefix(4))
    }

    /// The verifier key text `name+hex8+base64`, for a named key.
    public var verifierKey: String? {
        name.map { "\($0)+\(keyID.hexString)+" + Data([0x01] + publicKey.rawBytes).base64EncodedString() }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace || $0.value < 0x20 }
    }
}
