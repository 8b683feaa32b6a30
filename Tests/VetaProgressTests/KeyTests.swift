import Foundation
import Testing

@testable import VetaProgress

/// Keys sign and verify, survive their file formats, and the private file is private.
@Suite struct KeyTests {
    @Test func privateKeyFileIsMode0600AndReadsBackToTheSameKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("veta-key-\(UUID().uuidString).jwk").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let key = SigningKey()
        try key.write(toFile: path)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue == 0o600)
        let read = try SigningKey.read(fromFile: path)
        #expect(read.publicKey == key.publicKey)
        let signature = try read.signature(for: [1, 2, 3])
        #expect(key.publicKey.isValidSignature(signature, for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature(signature, for: [1, 2, 4]))
        #expect(throws: KeyError.self) { try key.write(toFile: path) }
    }

    @Test func publicKeyParsesFromEveryFormItIsPrintedIn() throws {
        let key = SigningKey().publicKey
        #expect(key.multibase.hasPrefix("z6Mk"))
        #expect(try PublicSigningKey(key.multibase) == key)
        #expect(try PublicSigningKey(key.jwk) == key)
        #expect(try PublicSigningKey(key.base64URL) == key)
        #expect(throws: KeyError.self) { try PublicSigningKey("z6MkNotAKey") }
    }

    @Test func base58RoundTripsAndKeepsLeadingZeros() {
        let bytes: [UInt8] = [0, 0, 1, 2, 255, 128, 7]
        #expect(Base58.decode(Base58.encode(bytes)) == bytes)
        #expect(Base58.encode(Array("hello world".utf8)) == "StV1DL6CwTryKyV")
    }
}
