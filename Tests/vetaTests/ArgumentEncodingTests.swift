import PropertyBased
import Testing

@testable import veta

/// Arguments are UTF-8 or a usage error: bytes from a Latin-1 terminal are never decoded into U+FFFD and stored.
@Suite struct ArgumentEncodingTests {
    @Test func everyValidUTF8ArgumentListPasses() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...0x10FFFF).array(of: 0...12).array(of: 0...6)) { lists in
            let arguments = lists.map { scalars in
                Array(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))).utf8)
            }
            #expect(ArgumentEncoding.problem(in: arguments) == nil)
        }
    }

    @Test func aLatin1ByteAnywhereIsNamedByPositionAndOption() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0x80...0xFF), Gen.int(in: 0...5)) { byte, at in
            var arguments: [[UInt8]] = [Array("--paternal".utf8), Array("Pe".utf8) + [UInt8(byte)] + Array("a".utf8)]
            arguments.insert(contentsOf: Array(repeating: Array("x".utf8), count: at), at: 0)
            let problem = ArgumentEncoding.problem(in: arguments)
            #expect(problem?.contains("argument \(at + 2) (the value of --paternal)") == true, "\(problem ?? "nil")")
            #expect(problem?.contains("LANG=es_MX.UTF-8") == true)
        }
    }

    @Test func theLatin1Examples() {
        #expect(ArgumentEncoding.problem(in: [Array("--note".utf8), [0xFF, 0xFE]])?.hasPrefix("argument 2 (the value of --note)") == true)
        #expect(
            ArgumentEncoding.problem(in: [Array("--site=Sa".utf8) + [0xFA] + Array("cito".utf8)])?.hasPrefix("argument 1 (--site)") == true)
        #expect(ArgumentEncoding.problem(in: [Array("status".utf8), Array("T".utf8) + [0xD1]])?.hasPrefix("argument 2 is not") == true)
        #expect(ArgumentEncoding.problem(in: [Array("Peña".utf8)]) == nil)
    }
}
