import PropertyBased
import Testing

@testable import VetaProgress

/// Cells Veta writes are never run by a spreadsheet as formulas (OWASP CSV injection).
@Suite struct CSVWritingTests {
    static let characters = Array("=+-@\t\r\n,;\"' aZ09ñé€()!A1:SUM")

    @Test(arguments: ["=SUM(A1:A9)", "+52 492", "-1", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
    func aCellStartingAFormulaIsWrittenAsText(_ cell: String) throws {
        let written = CSV.cell(cell)
        #expect(written.hasPrefix("\"'"))
        #expect(try CSV.parse(Array(written.utf8)).first?.fields == ["'" + cell])
    }

    /// Any cell starting with a dangerous character (or an apostrophe) gets one leading apostrophe;
    /// any other cell reads back unchanged; and dropping one leading apostrophe from every cell that
    /// has one gives back exactly what was written, so the escape is never ambiguous.
    @Test func onlyCellsThatStartAFormulaChangeAndTheChangeIsReversible() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...1000).array(of: 1...12)) { indices in
            let cell = String(indices.map { Self.characters[$0 % Self.characters.count] })
            let read = (try? CSV.parse(Array(("x," + CSV.cell(cell)).utf8)))?.first?.fields.last
            if let first = cell.first, CSV.formulaTriggers.contains(first) || first == "'" {
                #expect(read == "'" + cell)
            } else {
                #expect(read == cell)
            }
            #expect(read.map { $0.hasPrefix("'") ? String($0.dropFirst()) : $0 } == cell)
        }
    }

    @Test func aCellThatAlreadyStartsWithAnApostropheIsNotConfusedWithANeutralisedFormula() throws {
        #expect(try CSV.parse(Array(CSV.line(["'=1+1", "=1+1"]).utf8)).first?.fields == ["''=1+1", "'=1+1"])
    }

    @Test func plainCellsAreWrittenAsTheyAre() {
        #expect(CSV.cell("Núñez") == "Núñez")
        #expect(CSV.cell("2026-02-01") == "2026-02-01")
        #expect(CSV.cell("a;b") == "\"a;b\"")
    }
}
