import Foundation

/// RFC 4180 CSV: fields separated by a delimiter (comma by default, semicolon as Spanish-locale
/// Excel writes), optionally double-quoted, `""` inside quotes for a quote, CRLF or LF line ends.
/// Records keep the line number where they start. Input is UTF-8 bytes; see ``CSV/text(from:encoding:)``
/// for files saved in another encoding or with a byte-order mark.
public enum CSV {
    /// One record and the 1-based line it starts on.
    public struct Record: Hashable, Sendable {
        /// The line the record starts on.
        public let line: Int
        /// The fields.
        public let fields: [String]
    }

    /// A file that is not CSV, or not in the encoding it was read as.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The line of the problem.
        public let line: Int
        /// What is wrong, and how to fix it.
        public let reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses the whole text; blank lines are skipped.
    ///
    /// - Parameter delimiter: The field separator: `,` (the default), `;` or a tab.
    public static func parse(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var wasQuoted = false
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
            } else {
                switch byte {
                case delimiter:
                    endField()
                case UInt8(ascii: "\""):
                    guard field.isEmpty && !wasQuoted else { throw SyntaxError(line: line, reason: "a quote inside an unquoted field") }
                    inQuotes = true
                    wasQuoted = true
                case 0x0D:
                    // CR LF ends a line (the LF does); a CR alone is an old Mac line end, which would
                    // otherwise run every line of the file into one record.
                    guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else {
                        throw SyntaxError(
                            line: line,
                            reason:
                                "a carriage return without a line feed: the file has old Mac line ends (Excel 'CSV (Macintosh)'); re-save it as 'CSV UTF-8 (Comma delimited)'"
                        )
                    }
                case 0x0A:
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    guard !wasQuoted else { throw SyntaxError(line: line, reason: "text after a closing quote") }
                    field.append(byte)
                }
            }
            index += 1
        }
        if inQuotes { throw SyntaxError(line: recordLine, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
