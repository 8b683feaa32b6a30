extension CSV {
    /// The first characters that make a spreadsheet run a cell as a formula (OWASP, "CSV Injection"):
    /// `=`, `+`, `-`, `@`, tab and carriage return.
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One cell as Veta writes it: a cell a spreadsheet would run as a formula is neutralised by a
    /// leading apostrophe (`=SUM(A1)` is written `'=SUM(A1)`, which Excel and LibreOffice show as
    /// text), and a cell holding a comma, semicolon, quote, tab or line break is quoted, quotes doubled.
    /// Every other cell is written unchanged.
    ///
    /// A cell that already starts with an apostrophe gets one more, so reading back is unambiguous:
    /// drop one leading apostrophe from every cell that starts with one.
    public static func cell(_ field: String) -> String {
        let neutral = field.first.map { formulaTriggers.contains($0) || $0 == "'" } == true ? "'" + field : field
        let needsQuotes =
            neutral != field
            || neutral.unicodeScalars.contains { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard needsQuotes else { return neutral }
        return "\"" + neutral.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of cells, each written by ``cell(_:)``, separated by commas, without a line end.
    public static func line(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",")
    }
}
