import Foundation
import VetaCurricula

extension ProgressService {
    /// The columns of a trainees file, in any order.
    public static let traineeColumns = [
        "id", "paternal_surname", "maternal_surname", "given_names", "curp", "employer_rfc", "occupation", "job_title",
    ]
    /// The columns of an enrolments file, in any order; `site` may be left out.
    public static let enrolmentColumns = ["trainee", "curriculum", "date", "site"]
    /// The columns of an evidence file, in any order; the last five may be left out.
    public static let evidenceColumns = [
        "trainee", "curriculum", "unit", "target", "method", "outcome", "date", "hours", "site", "note", "assessor", "attachment_sha256",
    ]

    /// Imports trainees, enrolments or evidence from CSV, all or nothing: every row is checked first,
    /// and if any is bad nothing is written and every bad row is reported.
    ///
    /// The file is decoded as `options.encoding` (a byte-order mark is dropped; bytes that are not in
    /// the encoding are refused with their line, never replaced), the separator is taken from a first
    /// line `sep=;` or else from the header line unless given, the header is read by ``ImportHeader``
    /// (Excel's trailing empty columns dropped; a nameless column, a name given twice or a repeated header refused), every field is cleaned by
    /// ``CleanText`` (a control or bidirectional character is refused with its line and column), a row
    /// repeating an earlier row of the file is refused naming both lines, and rows already in the store
    /// are refused unless ``ImportOptions/allowRepeat``.
    ///
    /// - Parameter progress: Called with (rows done, rows in all) while checking and writing.
    public func importCSV(
        fileAt path: String, options: ImportOptions = ImportOptions(), progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> ImportReport {
        // A clean evidence file is read as a stream; any other (or one with a row to report) is read whole.
        if let report = try await importEvidenceStream(fileAt: path, options: options, progress: progress) { return report }
        let records: [CSV.Record]
        let delimiter: CSV.Delimiter
        let source: ImportHeader.DelimiterSource
        let fileSHA256: String
        do {
            let bytes = try FileBytes.read(path)
            fileSHA256 = SHA256Hex.of(bytes)
            let text = try CSV.text(from: bytes, encoding: options.encoding)
            let declared = CSV.Delimiter.declared(in: text)
            source = options.delimiter != nil ? .option : declared != nil ? .declared : .detected
            delimiter = try options.delimiter ?? declared ?? CSV.Delimiter.detect(inHeaderOf: text)
            records = Array(try CSV.parse(text, delimiter: delimiter.byte).dropFirst(declared == nil ? 0 : 1))
        } catch let error as CSV.SyntaxError {
            throw Refusal("\(path) cannot be read as CSV", reasons: [error.description])
        }
        guard let header = records.first else { throw Refusal("\(path) is empty") }
        let read = try ImportHeader.read(header, rows: Array(records.dropFirst()), in: path)
        let columns = read.columns
        let table = ImportTable(columns: columns, rows: read.rows, delimiter: delimiter)
        let names = Set(columns)
        let kind: ImportReport.Kind
        if names == Set(Self.traineeColumns) {
            kind = .trainees
        } else if Set(Self.enrolmentColumns.prefix(3)).isSubset(of: names), names.isSubset(of: Set(Self.enrolmentColumns)) {
            kind = .enrolments
        } else if Set(Self.evidenceColumns.prefix(7)).isSubset(of: names), names.isSubset(of: Set(Self.evidenceColumns)) {
            kind = .evidence
        } else {
            throw Self.unknownHeader(path, header: header, delimiter: delimiter, source: source)
        }
        // Every check against the store is made on the store as read before the write, and the
        // write happens only if the store is still as read (``checkedWrite(_:)``): when another
        // process wrote first, the whole file is checked again against the store as it is now, so
        // rows another process just stored are found as repeats, never stored twice.
        return try await checkedWrite { end in
            switch kind {
            case .trainees: return try await importTrainees(table, options: options, progress: progress)
            case .enrolments:
                return try await importEnrolments(table, options: options, after: end, fileSHA256: fileSHA256, progress: progress)
            case .evidence:
                return try await importEvidence(table, options: options, after: end, fileSHA256: fileSHA256, progress: progress)
            }
        }
    }

    private static func unknownHeader(
        _ path: String, header: CSV.Record, delimiter: CSV.Delimiter, source: ImportHeader.DelimiterSource
    ) -> Refusal {
        var reasons = [
            "trainees: " + Self.traineeColumns.joined(separator: ","),
            "enrolments: " + Self.enrolmentColumns.joined(separator: ",") + " (site optional)",
            "evidence: " + Self.evidenceColumns.joined(separator: ",") + " (the last five optional)",
        ]
        let others = CSV.Delimiter.allCases.filter { other in
            other != delimiter && header.fields.contains { $0.utf8.contains(other.byte) }
        }
        if let other = others.first {
            return Refusal(
                "\(path):\(header.line): the header is separated by \(ImportHeader.name(other)), but the separator in use is "
                    + "\(ImportHeader.name(delimiter)) (\(source.words))",
                reasons: [source.fix(other)])
        }
        reasons.append("the columns were read as separated by \(delimiter) (\(source.words)); --delimiter says otherwise")
        return Refusal("\(path): the header names neither a trainees, an enrolments nor an evidence file", reasons: reasons)
    }

    /// The refusal for rows already in the store.
    static func repeatRefusal(_ lines: [Int], of rows: Int, kind: ImportReport.Kind) -> Refusal {
        let action = kind == .evidence ? "import them again" : "skip them and import the rest"
        return Refusal(
            "\(lines.count) of \(rows) rows are already in the store (first: line \(lines.min() ?? 0)); pass --allow-repeat to \(action)")
    }
}

/// The rows of a file once its header is read.
struct ImportTable {
    let columns: [String]
    let rows: [CSV.Record]
    let delimiter: CSV.Delimiter

    /// `text` without spaces of any kind at either end.
    static func trimmingSpaces(_ text: String) -> String {
        // Printable ASCII other than a space at both ends: nothing to trim.
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !CleanText.isSpace($0) }),
            let last = scalars.lastIndex(where: { !CleanText.isSpace($0) })
        else { return "" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[first...last])
        return result
    }

    /// The row's fields by column, each cleaned by ``CleanText`` (`note` keeps tabs and line breaks;
    /// `hours` is only trimmed, as it is parsed rather than stored),
    /// or why the row is bad.
    func values(of row: CSV.Record) -> Result<[String: String], ImportReport.RowError> {
        guard row.fields.count == columns.count else {
            return .failure(.init(line: row.line, reason: "\(row.fields.count) fields, expected \(columns.count)"))
        }
        var values: [String: String] = [:]
        values.reserveCapacity(columns.count)
        for (column, field) in zip(columns, row.fields) {
            do {
                let cleaned = try CleanText.clean(field, field: column, kind: column == "note" ? .note : .line)
                // Hours are parsed, not stored: they keep the spaces inside as written, so a refusal echoes them.
                values[column] = column == "hours" ? Self.trimmingSpaces(field) : cleaned
            } catch {
                return .failure(.init(line: row.line, reason: error.summary))
            }
        }
        return .success(values)
    }

    /// Finds rows equal to an earlier row of the file, once cleaned. Keeps a hash and a row number
    /// per row, not the row, so a file of a million rows costs megabytes; on a hash match the
    /// earlier row is cleaned again and compared, so a collision never refuses a row.
    struct RepeatFinder {
        private var rowsByHash: [Int: [Int]] = [:]

        /// The line of an earlier row holding the same values, or nil (and the row is remembered).
        mutating func earlierLine(of values: [String: String], at index: Int, in table: ImportTable) -> Int? {
            let key = table.columns.map { values[$0] ?? "" }
            let hash = key.hashValue
            for earlier in rowsByHash[hash] ?? [] {
                if case .success(let other) = table.values(of: table.rows[earlier]), table.columns.map({ other[$0] ?? "" }) == key {
                    return table.rows[earlier].line
                }
            }
            rowsByHash[hash, default: []].append(index)
            return nil
        }

        /// The cleaned values of the row at `index`, or the error for its line: a value that cannot
        /// be cleaned, or a repeat of an earlier row (named). Every kind of import reads rows this way.
        mutating func newRow(at index: Int, in table: ImportTable) -> Result<[String: String], ImportReport.RowError> {
            let row = table.rows[index]
            switch table.values(of: row) {
            case .failure(let error): return .failure(error)
            case .success(let values):
                if let earlier = earlierLine(of: values, at: index, in: table) {
                    return .failure(.init(line: row.line, reason: ProgressService.repeatedRow(earlier)))
                }
                return .success(values)
            }
        }
    }
}
