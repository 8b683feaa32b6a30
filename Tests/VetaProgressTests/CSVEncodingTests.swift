import Foundation
import PropertyBased
import Testing

@testable import VetaProgress

/// Files as spreadsheets save them: byte-order marks, CR LF, Windows-1252, semicolons.
@Suite struct CSVEncodingTests {
    /// Letters a Mexican roster holds, all of them in Windows-1252.
    static let alphabet = Array("abcdefghijklmnñopqrstuvwxyzABCDEFGHIJKLMNÑOPQRSTUVWXYZáéíóúüÁÉÍÓÚÜçÇ '-.")

    static func name(_ indices: [Int]) -> String { String(indices.map { alphabet[$0 % alphabet.count] }) }

    @Test func windows1252DecodingAgreesWithPythonsCp1252CodecAndFoundationForEveryHighByte() throws {
        let table = try String(
            contentsOfFile: TestWorld.packageRoot.appendingPathComponent("Tests/fixtures/csv/cp1252-python.tsv").path, encoding: .utf8)
        var checked = 0
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            let byte = try UInt8(String(parts[0]), radix: 16).unwrap("byte \(parts[0])")
            let foundation = String(bytes: [byte], encoding: .windowsCP1252)?.unicodeScalars.first
            #expect(foundation == Windows1252.scalar(for: byte), "Foundation's windowsCP1252 on this platform, 0x\(parts[0])")
            if parts[1] == "undefined" {
                #expect(Windows1252.scalar(for: byte) == nil, "0x\(parts[0])")
            } else {
                let expected = try UInt32(String(parts[1].dropFirst(2)), radix: 16).unwrap("scalar \(parts[1])")
                #expect(Windows1252.scalar(for: byte)?.value == expected, "0x\(parts[0])")
            }
            checked += 1
        }
        #expect(checked == 128)
    }

    @Test func invalidUTF8IsRefusedNamingTheFirstBadLineAndTheLikelyEncoding() {
        let bytes = Array("id,name\nT1,Ana\nT2,N".utf8) + [0xFA, 0xF1] + Array("ez\n".utf8)
        do {
            _ = try CSV.text(from: bytes, encoding: .utf8)
            Issue.record("Windows-1252 bytes were read as UTF-8")
        } catch {
            #expect(error.line == 3)
            #expect(
                error.reason.contains(
                    "looks like Windows-1252 (Excel 'CSV' on Spanish Windows): re-save as 'CSV UTF-8' or pass --encoding windows-1252"))
        }
    }

    @Test func windows1252IsDecodedWhenTheUserSaysSo() throws {
        let bytes = Array("T2,N".utf8) + [0xFA, 0xF1] + Array("ez ".utf8) + [0x80] + Array("\n".utf8)
        #expect(String(decoding: try CSV.text(from: bytes, encoding: .windows1252), as: UTF8.self) == "T2,Núñez €\n")
    }

    @Test func bytesWindows1252LeavesUndefinedAreRefusedWithTheirLine() {
        #expect(
            throws: CSV.SyntaxError(
                line: 2, reason: "byte 0x81 has no character in Windows-1252; the file is in another encoding: re-save it as 'CSV UTF-8'")
        ) {
            try CSV.text(from: Array("a\nb".utf8) + [0x81], encoding: .windows1252)
        }
    }

    @Test func aUTF8FileReadAsWindows1252IsRefusedRatherThanGarbled() {
        #expect(throws: CSV.SyntaxError.self) { try CSV.text(from: Array("a\nNúñez\n".utf8), encoding: .windows1252) }
        #expect(throws: CSV.SyntaxError.self) { try CSV.text(from: [0xEF, 0xBB, 0xBF] + Array("a\n".utf8), encoding: .windows1252) }
    }

    @Test func utf16IsRefusedNamingExcelsUnicodeText() {
        #expect(throws: CSV.SyntaxError.self) { try CSV.text(from: [0xFF, 0xFE, 0x61, 0x00], encoding: .utf8) }
    }

    @Test func overlongAndSurrogateSequencesAreNotUTF8() {
        #expect(CSV.firstInvalidUTF8(in: [0x61, 0xC0, 0xAF]) == 1)
        #expect(CSV.firstInvalidUTF8(in: [0xED, 0xA0, 0x80]) == 0)
        #expect(CSV.firstInvalidUTF8(in: [0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(CSV.firstInvalidUTF8(in: [0xE2, 0x82]) == 0)
        #expect(CSV.firstInvalidUTF8(in: Array("Núñez €😀".utf8)) == nil)
    }

    /// Any name with accents saved as Windows-1252 reads back as the same text.
    @Test func namesWithAccentsRoundTripThroughWindows1252() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1000).array(of: 1...30)) { indices in
            let name = Self.name(indices)
            let bytes = name.unicodeScalars.map { UInt8($0.value) }  // every letter of the alphabet is Latin-1, as cp1252 writes it
            let text = try? CSV.text(from: Array("id,name\r\nT1,".utf8) + bytes + [0x0D, 0x0A], encoding: .windows1252)
            let records = text.flatMap { try? CSV.parse($0) }
            #expect(records?.last?.fields == ["T1", name])
        }
    }

    /// Any name with accents saved by Excel as "CSV UTF-8" (byte-order mark, CR LF, `,` or `;`) reads back unchanged.
    @Test func namesWithAccentsRoundTripThroughUTF8WithBOMAndCRLF() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1000).array(of: 1...30), Gen.int(in: 0...1)) { indices, pick in
            let name = Self.name(indices)
            let delimiter: CSV.Delimiter = pick == 0 ? .comma : .semicolon
            let file = [0xEF, 0xBB, 0xBF] + Array("id\(delimiter.rawValue)name\r\nT1\(delimiter.rawValue)\(name)\r\n".utf8)
            let text = try? CSV.text(from: file, encoding: .utf8)
            let detected = text.flatMap { try? CSV.Delimiter.detect(inHeaderOf: $0) }
            #expect(detected == delimiter)
            let records = text.flatMap { try? CSV.parse($0, delimiter: delimiter.byte) }
            #expect(records?.first?.fields == ["id", "name"])
            #expect(records?.last?.fields == ["T1", name])
        }
    }

    @Test func anExcelSepLineDeclaresTheSeparator() {
        #expect(CSV.Delimiter.declared(in: Array("sep=;\r\nid;name\n".utf8)) == .semicolon)
        #expect(CSV.Delimiter.declared(in: Array("SEP=,\nid,name\n".utf8)) == .comma)
        #expect(CSV.Delimiter.declared(in: Array("sep=;x\n".utf8)) == nil)
        #expect(CSV.Delimiter.declared(in: Array("id;name\n".utf8)) == nil)
    }

    @Test func theSeparatorIsTakenFromTheHeaderLine() throws {
        #expect(try CSV.Delimiter.detect(inHeaderOf: Array("id;name\n1,5;x\n".utf8)) == .semicolon)
        #expect(try CSV.Delimiter.detect(inHeaderOf: Array("id,name\n1;x\n".utf8)) == .comma)
        #expect(try CSV.Delimiter.detect(inHeaderOf: Array("id\tname\n".utf8)) == .tab)
        #expect(throws: CSV.SyntaxError.self) { try CSV.Delimiter.detect(inHeaderOf: Array("id;name,x\n".utf8)) }
    }
}
