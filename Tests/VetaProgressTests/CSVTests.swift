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

    @Test func writtenCellsReadBackUnchangedWhenNoneStartsAFormula() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "two\nlines"]
        let line = CSV.line(fields)
        #expect(try CSV.parse(Array(line.utf8)).first?.fields == fields)
    }
}
