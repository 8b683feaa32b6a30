import Testing

@testable import VetaRecords

/// The streamed encoding of a credential's signing input (literals encoded once, hole values as
/// they come) is the base64url of the pieces joined, for any lengths and any order of pieces.
@Suite struct Base64URLStreamTests {
    @Test func piecesGiveTheEncodingOfTheWhole() {
        var random = CredentialTemplateTests.Random(state: 0xB64_5713)
        for _ in 0..<400 {
            let prefix = (0..<Int.random(in: 0...5, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            var stream = Base64URLStream(prefix: prefix, capacity: Int.random(in: 0...64, using: &random))
            var whole: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                let piece = (0..<Int.random(in: 0...11, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                whole += piece
                if Bool.random(using: &random) {
                    stream.append(Base64URLStream.Literal(piece))
                } else {
                    stream.append(bytes: piece[...])
                }
            }
            var expected = prefix
            Base64URLBytes.append(whole, to: &expected)
            #expect(stream.finish() == expected)
        }
    }
}
