import Foundation

/// RFC 4180 CSV: fields separated by commas, optionally double-quoted, `""` inside quotes for a
/// quote, CRLF or LF line ends. Records keep the line number where they start.
public enum CSV {
    /// One record and the 1-based line it starts on.
    public struct Record: Hashable, Sendable {
        /// The line the record starts on.
        public let line: Int
        /// The fields.
        public let fields: [String]
    }

    /// A file that is not CSV.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The line of the problem.
        public let line: Int
        /// What is wrong.
        public let reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    /// Parses the whole text; blank lines are skipped.
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> [Record] {
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
                case UInt8(ascii: ","):
                    endField()
                case UInt8(ascii: "\""):
                    guard field.isEmpty && !wasQuoted else { throw SyntaxError(line: line, reason: "a quote inside an unquoted field") }
                    inQuotes = true
                    wasQuoted = true
                case 0x0D:
                    break
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

    /// A field quoted when it holds a comma, quote or line break.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
