import Crypto
import Foundation
public import VetaProgress

/// Signs VC-JWT claims with swift-crypto's Ed25519 directly: the key is expanded once, and
/// signing is a plain call (no actor, no encoder), safe from many tasks at once.
///
/// The token is what ``VCJWT/Signer`` writes: header `{"alg":"EdDSA","kid":…,"typ":"JWT"}` (the
/// same fields, in a fixed order), the claims, the signature, each base64url; it verifies with
/// ``VCJWT/verify(_:with:)``.
public struct CredentialSigner: Sendable {
    private let privateKey: Curve25519.Signing.PrivateKey
    /// The base64url header and its dot, the same for every token.
    private let prefix: [UInt8]

    /// A signer for `key`; the header's `kid` is `kid` (the issuer's key in its DID document,
    /// `did:web:…#key-N`), by default the key as a `did:key`.
    public init(_ key: SigningKey, kid: String? = nil) throws {
        guard let seed = VCJWT.base64URLDecode(key.seedBase64URL) else { throw RecordError("the signing key's seed is not base64url") }
        privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        var header: [UInt8] = Array(#"{"alg":"EdDSA","kid":""#.utf8)
        JSONBytes.appendEscaped(kid ?? VCJWT.didKey(key.publicKey), to: &header)
        header += Array(#"","typ":"JWT"}"#.utf8)
        var prefix: [UInt8] = []
        Base64URLBytes.append(header, to: &prefix)
        prefix.append(UInt8(ascii: "."))
        self.prefix = prefix
    }

    /// The signing input of `claims`: base64url header, dot, base64url claims.
    public func signingInput(claims: [UInt8]) -> [UInt8] {
        var input = prefix
        input.reserveCapacity(prefix.count + Base64URLBytes.length(claims.count) + 1 + 86)
        Base64URLBytes.append(claims, to: &input)
        return input
    }

    /// The compact JWS of `claims`.
    public func token(claims: [UInt8]) throws -> [UInt8] {
        var token = signingInput(claims: claims)
        try appendSignature(to: &token)
        return token
    }

    /// The base64url header and its dot: what every signing input starts with.
    var headerPrefix: [UInt8] { prefix }

    /// Makes the signing input `input` (``signingInput(claims:)``, or a template's) its compact JWS:
    /// a dot and the base64url signature appended in place.
    func appendSignature(to input: inout [UInt8]) throws {
        let signature = try privateKey.signature(for: input)
        input.append(UInt8(ascii: "."))
        Base64URLBytes.append(Array(signature), to: &input)
    }

    /// The compact JWS of `credential`, its claims written as ``VCJWT/Signer`` writes them.
    public func token(_ credential: AchievementCredential) throws -> [UInt8] {
        var json = JSONBytes()
        try VCJWT.Claims(credential).write(to: &json)
        return try token(claims: json.bytes)
    }

    /// The raw Ed25519 signature of `bytes` with this signer's key (the floor `make bench` compares with).
    public func rawSignature(_ bytes: [UInt8]) throws -> [UInt8] {
        Array(try privateKey.signature(for: bytes))
    }
}

/// Base64url without padding (RFC 4648 §5), appended to a byte buffer.
enum Base64URLBytes {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The encoded length of `count` bytes.
    static func length(_ count: Int) -> Int { (count / 3) * 4 + [0, 2, 3][count % 3] }

    static func append(_ input: [UInt8], to output: inout [UInt8]) {
        let start = output.count
        let length = length(input.count)
        output.append(contentsOf: repeatElement(0, count: length))
        alphabet.withUnsafeBufferPointer { table in
            input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { buffer in
                    var out = start
                    var index = 0
                    let whole = source.count - source.count % 3
                    while index < whole {
                        let value = UInt32(source[index]) << 16 | UInt32(source[index + 1]) << 8 | UInt32(source[index + 2])
                        buffer[out] = table[Int(value >> 18)]
                        buffer[out + 1] = table[Int(value >> 12 & 0x3F)]
                        buffer[out + 2] = table[Int(value >> 6 & 0x3F)]
                        buffer[out + 3] = table[Int(value & 0x3F)]
                        index += 3
                        out += 4
                    }
                    switch source.count - whole {
                    case 1:
                        let value = UInt32(source[index]) << 16
                        buffer[out] = table[Int(value >> 18)]
                        buffer[out + 1] = table[Int(value >> 12 & 0x3F)]
                    case 2:
                        let value = UInt32(source[index]) << 16 | UInt32(source[index + 1]) << 8
                        buffer[out] = table[Int(value >> 18)]
                        buffer[out + 1] = table[Int(value >> 12 & 0x3F)]
                        buffer[out + 2] = table[Int(value >> 6 & 0x3F)]
                    default: break
                    }
                }
            }
        }
    }
}
