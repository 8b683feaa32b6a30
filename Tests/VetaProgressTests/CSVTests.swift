import Testing

@testable import VetaProgress

@Suite struct CSVTests {
    @Test func quotedFieldsWithCommasQuotesAndLineBreaksAreRead() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n\n3,,\n"
        let records = try CSV.parse(Array(text.utf8))
        #expect(records.map(\.line) == [1, 2, 3, 6])
        #expect(records[1].fields == ["1", "x, y", "say \"hi\""])
        #expect(records[2].fields == ["2", "two\nlines", "z"])
        #expect(records[3].fields == ["3", "", ""])
    }

    @Test func unclosedQuoteIsASyntaxErrorWithItsLine() {
        #expect(throws: CSV.SyntaxError.self) { try CSV.parse(Array("a\n\"open,b\n".utf8)) }
    }

    /// A carriage return alone (Excel "CSV (Macintosh)") is refused on its line instead of running
    /// the whole file into one record; CR LF and a CR inside quotes are fine.
    @Test func aCarriageReturnWithoutALineFeedIsRefusedNamingItsLine() throws {
        for (text, line) in [("id,name\rT001,Ana\r", 1), ("id,name\r\nT001,Ana\rT002,Luis\r\n", 2)] {
            do {
                _ = try CSV.parse(Array(text.utf8))
                Issue.record("\(text.debugDescription) was read")
            } catch {
                #expect(error.line == line)
                #expect(error.reason.contains("CSV (Macintosh)"))
            }
        }
        #expect(try CSV.parse(Array("id,note\r\nT001,\"uno\rdos\"\r\n".utf8)).last?.fields == ["T001", "uno\rdos"])
    }

    @Test func writtenCellsReadBackUnchangedWhenNoneStartsAFormula() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "two\nlines"]
        let line = CSV.line(fields)
        #expect(try CSV.parse(Array(line.utf8)).first?.fields == fields)
    }
}
