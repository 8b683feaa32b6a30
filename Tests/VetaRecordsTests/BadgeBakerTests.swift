import Foundation
import PropertyBased
import Testing

@testable import VetaRecords

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct BadgeBakerTests {
    static let face = BadgeFace(
        code: "RIIWHS201E", titleES: "Trabajar de forma segura y seguir los procedimientos de salud y seguridad en el trabajo",
        titleEN: "Work safely and follow WHS policies and procedures", levelES: "operador", levelEN: "operator",
        curriculum: "VTOPHT 1.0.0")

    static let base64url = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// A compact-JWT-shaped string: three base64url parts (the signature may be empty, as in `alg: none`).
    static let jwtLike = Gen.int(in: 0..<64).array(of: 1...300).array(of: 3...3).map { parts in
        parts.enumerated().map { index, part in String(part.prefix(index == 2 ? part.count - 1 : part.count).map { base64url[$0] }) }
            .joined(separator: ".")
    }

    @Test func bakingThenExtractingGivesTheSameCredential() async {
        await propertyCheck(count: 200, input: Self.jwtLike) { token in
            let svg = try BadgeBaker.svg(credentialJWT: token, face: Self.face)
            let png = try BadgeBaker.png(credentialJWT: token, face: Self.face)
            #expect(try BadgeBaker.credential(fromSVG: svg) == token)
            #expect(try BadgeBaker.credential(fromPNG: png) == token)
            #expect(try BadgeBaker.credential(fromBadge: svg) == token)
            #expect(try BadgeBaker.credential(fromBadge: png) == token)
        }
    }

    @Test func thePNGIsWellFormedWithTheCredentialUncompressedBeforeIEND() throws {
        let token = "eyJhbGciOiJFZERTQSJ9.eyJpZCI6InVybjp2ZXRhIn0.c2lnbmF0dXJl"
        let png = try BadgeBaker.png(credentialJWT: token, face: Self.face)
        let chunks = try PNGChunks.chunks(of: Array(png))  // checks every CRC
        #expect(chunks.map(\.type) == ["IHDR", "PLTE", "IDAT", "iTXt", "IEND"])
        let header = Array(chunks[0].data)
        #expect(header[0..<8] == [0, 0, 1, 0x40, 0, 0, 1, 0x40])  // 320 × 320
        #expect(header[8..<13] == [8, 3, 0, 0, 0])
        let text = Array(chunks[3].data)
        #expect(text == Array("openbadgecredential".utf8) + [0, 0, 0, 0, 0] + Array(token.utf8))
        // The zlib stream inflates to one filter byte plus 320 palette indices per row.
        let idat = Array(chunks[2].data)
        #expect(PNGChunks.adler32(storedPayload(idat)) == idat.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        #expect(storedPayload(idat).count == 321 * 320)
    }

    /// The data of a zlib stream made of stored deflate blocks.
    private func storedPayload(_ stream: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 2
        while true {
            let final = stream[offset] & 1
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            out += stream[offset + 5..<offset + 5 + length]
            offset += 5 + length
            if final == 1 { return out }
        }
    }

    @Test func theSVGIsXMLWithTheOB3ElementAndNothingFromOutside() throws {
        let face = BadgeFace(
            code: "X&1", titleES: "Señalización <peligrosa> & \"rampas\" 'de' acarreo", titleEN: "Signs", levelES: "técnico",
            levelEN: "technician", curriculum: "VTOPHT 1.0.0")
        let svg = try BadgeBaker.svg(credentialJWT: "a.b.c", face: face)
        let parser = XMLParser(data: svg)
        #expect(parser.parse())
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains(#"xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#))
        #expect(text.contains(#"<openbadges:credential verify="a.b.c"/>"#))
        #expect(text.contains("Señalización &lt;peligrosa&gt; &amp; &quot;rampas&quot;"))
        for outside in ["href", "url(", "@import", "<image", "<script"] {
            #expect(!text.contains(outside), "\(outside)")
        }
        #expect(text.components(separatedBy: "://").count == 3)  // only the SVG and OB 3.0 namespaces
    }

    @Test func theSameCredentialAndFaceGiveTheSameBytes() throws {
        let token = "aaa.bbb.ccc"
        #expect(try BadgeBaker.png(credentialJWT: token, face: Self.face) == BadgeBaker.png(credentialJWT: token, face: Self.face))
        #expect(try BadgeBaker.svg(credentialJWT: token, face: Self.face) == BadgeBaker.svg(credentialJWT: token, face: Self.face))
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "a b.c.d", "a.b.c\n", ".b.c", "a..c", "á.b.c"])
    func onlyACompactJWTIsBaked(_ text: String) {
        #expect(throws: BadgeError.self) { try BadgeBaker.png(credentialJWT: text, face: Self.face) }
        #expect(throws: BadgeError.self) { try BadgeBaker.svg(credentialJWT: text, face: Self.face) }
    }

    @Test func aDamagedPNGIsRefusedNotMisread() async throws {
        let png = Array(try BadgeBaker.png(credentialJWT: "aaa.bbb.ccc", face: Self.face))
        await propertyCheck(count: 100, input: Gen.int(in: 8..<png.count)) { index in
            var damaged = png
            damaged[index] ^= 0x20
            do {
                let token = try BadgeBaker.credential(fromPNG: Data(damaged))
                Issue.record("a flipped byte at \(index) still read as \(token)")
            } catch let error as BadgeError {
                #expect(["VETA-BADGE-002", "VETA-BADGE-003"].contains(error.code))
            }
        }
    }

    @Test func filesThatAreNotBadgesPassThrough() throws {
        #expect(try BadgeBaker.credential(fromBadge: Data("eyJ.eyJ.sig\n".utf8)) == nil)
        #expect(try BadgeBaker.credential(fromBadge: Data("%PDF-1.7\n".utf8)) == nil)
        #expect(throws: BadgeError.self) { try BadgeBaker.credential(fromBadge: Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)) }
        #expect(throws: BadgeError.self) { try BadgeBaker.credential(fromBadge: Data("<?xml version='1.0'?><svg".utf8)) }
    }

    @Test func anSVGWithTheCredentialAsTextIsReadToo() throws {
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential> a.b.c </ob:credential></svg>"#
        #expect(try BadgeBaker.credential(fromSVG: Data(svg.utf8)) == "a.b.c")
    }

    @Test func badgeLinesNeverRunOverTheirWidth() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...30).array(of: 0...40), Gen.int(in: 4...30), Gen.int(in: 1...4)) {
            lengths, width, maxLines in
            let text = lengths.map { String(repeating: "x", count: $0) }.joined(separator: " ")
            let lines = BadgeText.lines(text, width: width, maxLines: maxLines)
            #expect(lines.count <= maxLines)
            #expect(lines.allSatisfy { $0.count <= width })
        }
    }

    @Test func theRecordPageURLHasOneLayout() {
        #expect(
            RecordPage.url(issuer: "https://a.example", recordID: "VETA-2026-000001")
                == "https://a.example/records/VETA-2026-000001/")
        #expect(RecordPage.url(issuer: "https://a.example//", recordID: "S") == "https://a.example/records/S/")
        #expect(RecordPage.url(issuer: "https://localhost:8443/veta", recordID: "S") == "https://localhost:8443/veta/records/S/")
    }
}
