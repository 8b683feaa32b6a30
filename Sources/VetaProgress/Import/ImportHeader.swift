/// The header line of an imported file, read as spreadsheets write it.
///
/// Excel saves a sheet with formatting beyond the data as trailing empty columns (`job_title,,,`
/// in the header and `,,,` on every row): those are dropped when every cell under them is empty.
/// An empty header cell with data under it, or between named columns, is refused as "column N has
/// no name"; a name given twice is refused; and a row that repeats the header (pasted twice) is
/// refused naming its line.
enum ImportHeader {
    /// Where the separator in use came from, for messages.
    enum DelimiterSource {
        /// `--delimiter`.
        case option
        /// A first line `sep=;`.
        case declared
        /// Found in the header line.
        case detected

        var words: String {
            switch self {
            case .option: "given by --delimiter"
            case .declared: "declared by the first line sep="
            case .detected: "found in the header"
            }
        }

        func fix(_ other: CSV.Delimiter) -> String {
            switch self {
            case .option: "pass --delimiter '\(other)', or leave --delimiter out to take the header's"
            case .declared: "change the first line to sep=\(other.rawValue) or delete it"
            case .detected: "make the header and the rows use the same separator"
            }
        }
    }

    /// A separator as messages name it: `';'`, `','` or `tab`.
    static func name(_ delimiter: CSV.Delimiter) -> String {
        delimiter == .tab ? "tab" : "'\(delimiter.rawValue)'"
    }

    /// The header's column names, cleaned and in lower case, and the rows with Excel's trailing
    /// empty columns dropped.
    static func read(_ header: CSV.Record, rows: [CSV.Record], in path: String) throws -> (columns: [String], rows: [CSV.Record]) {
        var names: [String] = []
        for (index, field) in header.fields.enumerated() {
            names.append(try CleanText.clean(field, field: "column \(index + 1) of the header").lowercased())
        }
        var kept = names.count
        while kept > 0 && names[kept - 1].isEmpty { kept -= 1 }
        var trimmedRows = rows
        if kept < names.count {
            for (number, row) in rows.enumerated() where row.fields.count == names.count {
                if let filled = row.fields[kept...].firstIndex(where: { !ImportTable.trimmingSpaces($0).isEmpty }) {
                    throw Refusal(
                        "\(path):\(header.line): column \(filled + 1) has no name, but line \(row.line) has a value in it",
                        reasons: ["name the column in the header, or clear the column"])
                }
                trimmedRows[number] = CSV.Record(line: row.line, fields: Array(row.fields.prefix(kept)))
            }
        }
        let columns = Array(names.prefix(kept))
        if let empty = columns.firstIndex(of: "") {
            throw Refusal(
                "\(path):\(header.line): column \(empty + 1) has no name",
                reasons: ["name the column in the header, or delete the column"])
        }
        var first: [String: Int] = [:]
        for (index, name) in columns.enumerated() {
            if let earlier = first[name] {
                throw Refusal(
                    "\(path):\(header.line): the header names column \(name) twice (columns \(earlier + 1) and \(index + 1))",
                    reasons: ["remove or rename one of the two columns"])
            }
            first[name] = index
        }
        if let repeated = trimmedRows.first(where: { repeatsHeader($0.fields, columns: columns) }) {
            throw Refusal(
                "\(path):\(repeated.line): line \(repeated.line) repeats the header",
                reasons: ["delete the line; a header is written once, on the first line"])
        }
        return (columns, trimmedRows)
    }

    /// Whether a row's fields are the header's column names again (a header pasted twice).
    static func repeatsHeader(_ fields: [String], columns: [String]) -> Bool {
        fields.count == columns.count
            && zip(fields, columns).allSatisfy { field, name in
                ((try? CleanText.clean(field, field: name)) ?? field).lowercased() == name
            }
    }
}
