import Crypto
import Foundation

/// An Ed25519 key pair for assessors' sign-offs (and, later, issuers' credentials).
///
/// The private key is stored as a JWK file (`{"kty":"OKP","crv":"Ed25519","x":…,"d":…}`) created
/// with mode 0600 and never printed. The public key is shared as a JWK or as a multibase string
/// (`z` + base58btc of the multicodec prefix `0xed 0x01` and the 32 key bytes).
public struct SigningKey: Sendable {
    /// The 32-byte seed; the Crypto key object (not Sendable) is rebuilt from it to sign.
    private let seed: [UInt8]
    /// The public half.
    public let publicKey: PublicSigningKey

    /// A new random key pair.
    public init() { self.init(Curve25519.Signing.PrivateKey()) }

    init(_ privateKey: Curve25519.Signing.PrivateKey) {
        seed = Array(privateKey.rawRepresentation)
        publicKey = PublicSigningKey(privateKey.publicKey)
    }

    /// The private seed, base64url, for the JWT signer in the records target (never printed).
    package var seedBase64URL: String { Base64URL.encode(seed) }

    /// The Ed25519 signature of `bytes`.
    public func signature(for bytes: [UInt8]) throws -> [UInt8] {
        Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: bytes))
    }

    /// Writes the private key as a JWK file with mode 0600; refuses to overwrite a file.
    public func write(toFile path: String) throws(KeyError) {
        let jwk = #"{"crv":"Ed25519","d":"\#(Base64URL.encode(seed))","kty":"OKP","x":"\#(publicKey.base64URL)"}"#
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw KeyError(errno == EEXIST ? "\(path) already exists; keys are never overwritten" : "cannot create \(path)")
        }
        defer { close(descriptor) }
        let bytes = Array((jwk + "\n").utf8)
        guard Foundation.write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            throw KeyError("cannot write \(path)")
        }
    }

    /// Reads a private key JWK file written by ``write(toFile:)``.
    public static func read(fromFile path: String) throws(KeyError) -> SigningKey {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["kty"] as? String == "OKP", object["crv"] as? String == "Ed25519",
            let d = (object["d"] as? String).flatMap(Base64URL.decode),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: d)
        else { throw KeyError("\(path) is not an Ed25519 private key JWK") }
        return SigningKey(key)
    }
}

/// An Ed25519 public key.
public struct PublicSigningKey: Hashable, Sendable {
    let rawBytes: [UInt8]

    init(_ key: Curve25519.Signing.PublicKey) { rawBytes = Array(key.rawRepresentation) }

    /// Parses a public key given as base64url (32 bytes), multibase (`z6Mk…`) or a public JWK.
    public init(_ text: String) throws(KeyError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var candidate: [UInt8]?
        if trimmed.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] {
            candidate = (object["crv"] as? String == "Ed25519") ? (object["x"] as? String).flatMap(Base64URL.decode) : nil
        } else if trimmed.hasPrefix("z"), let decoded = Base58.decode(String(trimmed.dropFirst())), decoded.starts(with: [0xED, 0x01]) {
            candidate = Array(decoded.dropFirst(2))
        } else {
            candidate = Base64URL.decode(trimmed)
        }
        guard let bytes = candidate, bytes.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: bytes)) != nil else {
            throw KeyError("not an Ed25519 public key (base64url, multibase z6Mk… or JWK)")
        }
        rawBytes = bytes
    }

    /// The 32 key bytes, base64url without padding.
    public var base64URL: String { Base64URL.encode(rawBytes) }

    /// Multibase base58btc with the ed25519-pub multicodec prefix: `z6Mk…`.
    public var multibase: String { "z" + Base58.encode([0xED, 0x01] + rawBytes) }

    /// The public JWK.
    public var jwk: String { #"{"crv":"Ed25519","kty":"OKP","x":"\#(base64URL)"}"# }

    /// Whether `signature` is this key's signature of `bytes`.
    public func isValidSignature(_ signature: [UInt8], for bytes: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawBytes) else { return false }
        return key.isValidSignature(signature, for: bytes)
    }
}

/// A key that could not be created, read or used.
public struct KeyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong (never key material).
    public let description: String

    init(_ description: String) { self.description = description }
}

/// base64url without padding (RFC 4648 §5).
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
