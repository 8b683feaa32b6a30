import Foundation
import Testing

@testable import VetaProgress

/// A bundle file as it arrives after travelling: one whose lines end in CR LF (a Windows machine, a
/// USB stick) is the bundle that was signed; a file cut anywhere is named as cut short, one with
/// more after the signature as such, never as "not a bundle" or a changed signature.
@Suite struct SyncBundleShapeTests {
    static let key = SigningKey()

    /// A signed bundle of site ZAC-01 that carries no entry (what matters here is its shape).
    static func bundle() throws -> [UInt8] {
        let body = SyncBundle.Body(
            site: "ZAC-01", role: .site, publicKey: key.publicKey.base64URL, first: 1, end: 0, previousHash: LedgerEntry.genesisHash,
            head: LedgerEntry.genesisHash, exportedAt: "2026-12-01T10:00:00Z", entries: [], curricula: [])
        return try SyncBundle(body: body).bytes(signedWith: key)
    }

    static func refusal(_ bytes: [UInt8]) -> SyncError? {
        do {
            _ = try SyncBundle(reading: bytes, name: "b.bundle")
            return nil
        } catch {
            return error as? SyncError
        }
    }

    @Test func aBundleWithCRLFLineEndingsIsTheBundleThatWasSigned() throws {
        let bytes = try Self.bundle()
        let crlf = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try SyncBundle(reading: crlf, name: "b.bundle").body == SyncBundle(reading: bytes, name: "b.bundle").body)
    }

    /// A bundle saved in Notepad (a UTF-8 byte-order mark first, CR LF or not) is the bundle that was signed.
    @Test(arguments: [false, true]) func aBundleWithAByteOrderMarkIsTheBundleThatWasSigned(crlf: Bool) throws {
        let bytes = try Self.bundle()
        let text = String(decoding: bytes, as: UTF8.self)
        let saved: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
        #expect(try SyncBundle(reading: saved, name: "b.bundle").body == SyncBundle(reading: bytes, name: "b.bundle").body)
        // The mark is not taken as part of what was signed: a changed byte after it still fails the signature.
        let changed: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "ZAC-01", with: "ZAC-02").utf8)
        #expect(Self.refusal(changed)?.code == .signature)
        #expect(Self.refusal([0xEF, 0xBB, 0xBF])?.message == "b.bundle is empty, not a veta sync bundle")
    }

    /// A bundle saved as UTF-16 ("Unicode" in Notepad) is named as such, not as "not a bundle".
    @Test func aUTF16BundleIsNamedAsSuch() throws {
        let text = String(decoding: try Self.bundle(), as: UTF8.self)
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let refusal = try #require(Self.refusal(utf16))
        #expect(refusal.code == .format && refusal.message.contains("UTF-16"))
    }

    /// Every cut of a bundle, at every byte, is refused as cut short (sync-format), naming where it ends.
    @Test func everyCutOfABundleIsNamedAsCutShort() throws {
        let bytes = try Self.bundle()
        for length in 1..<bytes.count {
            let refusal = try #require(Self.refusal(Array(bytes.prefix(length))), "cut at \(length) was read")
            #expect(refusal.code == .format && refusal.message.hasPrefix("b.bundle is cut short: "), "cut at \(length): \(refusal.message)")
        }
        #expect(Self.refusal([])?.message == "b.bundle is empty, not a veta sync bundle")
    }

    @Test(arguments: ["\n", "extra\n", "ed25519 AAAA\n", "x"])
    func moreAfterTheSignatureLineIsNamed(_ tail: String) throws {
        let refusal = try #require(Self.refusal(try Self.bundle() + Array(tail.utf8)))
        #expect(refusal.code == .format)
        #expect(refusal.message.contains("has more lines after its signature line (line 3)"))
    }

    @Test func aFileThatIsNotABundleIsNamedAsSuch() {
        #expect(
            Self.refusal(Array("hello\nworld\n".utf8))?.message
                == "b.bundle is not a veta sync bundle (its first line is not 'veta-sync-bundle 1')")
    }
}
