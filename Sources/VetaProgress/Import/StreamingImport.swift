import Foundation
import VetaCurricula

/// How an evidence file is laid out, read from its first lines: separator, whether a `sep=` line
/// comes first, and the columns. `nil` when the file is not a UTF-8 evidence file with a clean
/// header (then it is read whole, which names what is wrong).
struct EvidenceStreamLayout {
    let path: String
    let delimiter: CSV.Delimiter
    let declared: Bool
    let columns: [String]

    init?(path: String, options: ImportOptions) {
        guard options.encoding == .utf8, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: CSVStream.chunkSize) else { return nil }
        let prefix = Array(data)
        let isWhole = prefix.count < CSVStream.chunkSize
        // A byte-order mark or UTF-16: read whole.
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) || prefix.starts(with: [0xEF, 0xBB, 0xBF]) {
            return nil
        }
        let declared = CSV.Delimiter.declared(in: prefix)
        if options.delimiter == nil && declared == nil {
            // The header line must end within the first chunk for the separator to be found in it.
            var inQuotes = false
            var ended = false
            for byte in prefix {
                if byte == 0x0A && !inQuotes {
                    ended = true
                    break
                }
                if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            }
            guard ended || isWhole else { return nil }
        }
        guard let delimiter = options.delimiter ?? declared ?? (try? CSV.Delimiter.detect(inHeaderOf: prefix)) else { return nil }
        guard let stream = try? CSVStream(path: path, delimiter: delimiter.byte) else { return nil }
        if declared != nil { guard (try? stream.next()) != nil else { return nil } }
        guard let header = try? stream.next(),
            let read = try? ImportHeader.read(CSV.Record(line: header.line, fields: header.fields), rows: [], in: path),
            read.columns.count == header.fields.count
        else { return nil }
        let names = Set(read.columns)
        let evidence = ProgressService.evidenceColumns
        guard Set(evidence.prefix(7)).isSubset(of: names), names.isSubset(of: Set(evidence)), names != Set(ProgressService.traineeColumns)
        else { return nil }
        let enrolments = ProgressService.enrolmentColumns
        if Set(enrolments.prefix(3)).isSubset(of: names) && names.isSubset(of: Set(enrolments)) { return nil }
        self.path = path
        self.delimiter = delimiter
        self.declared = declared != nil
        self.columns = read.columns
    }

    /// A stream positioned after the header.
    func rows() throws -> CSVStream {
        let stream = try CSVStream(path: path, delimiter: delimiter.byte)
        if declared { _ = try stream.next() }
        _ = try stream.next()
        return stream
    }
}

/// The file cannot be imported as a stream without changing what is reported: it is read whole.
struct ReadWhole: Error {}

/// The second reading of a streamed file did not see the bytes the first one checked: nothing is written.
struct FileChangedWhileImported: Error {}

/// Test hooks of the streaming import.
enum StreamingImportHooks {
    /// Run between the two readings (tests change the file there, to see the import refused).
    @TaskLocal static var betweenPasses: (@Sendable () throws -> Void)?
}

extension ProgressService {
    /// Imports an evidence file as a stream, in two passes over the file that keep no row: the
    /// first checks every row as ``importCSV(fileAt:options:progress:)`` does, the second appends
    /// the rows in one write transaction (``StreamAppendingStore/appendStream(after:next:finish:)``),
    /// and commits only when it read the same bytes as the first (sha256). Memory stays flat
    /// however long the file and the store are.
    ///
    /// `nil` when the file is not a clean UTF-8 evidence file or any row would be reported (a bad
    /// row, a repeat within the file or of the store): the file is then read whole, which reports
    /// exactly what it always did.
    func importEvidenceStream(
        fileAt path: String, options: ImportOptions, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> ImportReport? {
        guard let sqlite = store as? any StreamAppendingStore, let layout = EvidenceStreamLayout(path: path, options: options) else {
            return nil
        }
        do {
            return try await checkedWrite { end in
                try await importEvidenceStream(layout, into: sqlite, after: end, progress: progress)
            }
        } catch is ReadWhole {
            return nil
        } catch is CSVStream.Unreadable {
            return nil
        } catch is FileChangedWhileImported {
            // Never fall back to reading it whole: that would store what the first reading did not check.
            throw Refusal(
                "\(path) changed while it was being imported; nothing was imported",
                reasons: [
                    "the second reading of the file did not see the same bytes (sha256) as the first, which checked every row",
                    "import it again once nothing is writing to it (save it in the spreadsheet and close it first)",
                ])
        }
    }

    private func importEvidenceStream(
        _ layout: EvidenceStreamLayout, into sqlite: any StreamAppendingStore, after end: Int64, progress: (@Sendable (Int, Int) -> Void)?
    ) async throws -> ImportReport {
        // What the checks read from the store; a store that does not read is left to the whole reading to report.
        let context: ImportContext
        let stored: Set<Int>
        do {
            context = try await ImportContext.load(self)
            stored = try await EvidenceKey.storedHashes(in: store)
        } catch {
            throw ReadWhole()
        }
        let rows = EvidenceRows(layout)
        let size = (try? FileManager.default.attributesOfItem(atPath: layout.path)[.size] as? Int) ?? 0
        // Pass 1: every check; any row that would be reported sends the file to be read whole.
        let first = try layout.rows()
        var seen = Set<Int>()
        var count = 0
        while let record = try first.next() {
            let values = try rows.values(record.fields)
            guard seen.insert(values.hashValue).inserted else { throw ReadWhole() }
            await context.load(
                curriculum: rows.field(values, "curriculum"), assessor: rows.field(values, "assessor"),
                trainee: rows.field(values, "trainee"), site: rows.field(values, "site"))
            guard case .success(let entry) = rows.entry(values, context: context) else { throw ReadWhole() }
            guard !stored.contains(EvidenceKey(entry).hashValue) else { throw ReadWhole() }
            count += 1
            if count % 1024 == 0 { progress?(first.bytesRead, size * 2) }
        }
        let digest = first.digest()
        seen = []
        try StreamingImportHooks.betweenPasses?()
        // Pass 2: the same rows, appended as they are read.
        let second = try layout.rows()
        let checked = count
        let counter = ProgressCounter()
        // After the rows, once, the entry that marks them as this import (the file's sha256 as read).
        let sha256 = digest.map { String(format: "%02x", $0) }.joined()
        let mark = checked > 0 ? ImportID.mark(after: end, count: checked, sha256: sha256, on: try await today()) : nil
        let ends = ProgressCounter()
        let written = try await sqlite.appendStream(
            after: end,
            next: {
                // Every row read here passed the first reading's checks, so anything that fails now is a changed file.
                let read: (line: Int, fields: [String])?
                do { read = try second.next() } catch { throw FileChangedWhileImported() }
                guard let record = read else { return ends.increment() == 1 ? mark : nil }
                let number = counter.increment()
                guard number <= checked, let values = try? rows.values(record.fields),
                    case .success(let entry) = rows.entry(values, context: context)
                else { throw FileChangedWhileImported() }
                if number % 1024 == 0 { progress?(size + second.bytesRead, size * 2) }
                return entry
            },
            finish: { written in
                guard written == checked + (mark == nil ? 0 : 1), second.digest() == digest else { throw FileChangedWhileImported() }
            })
        progress?(size * 2, size * 2)
        let rowsWritten = mark == nil ? written : written - 1
        var report = ImportReport(kind: .evidence, rows: count, written: rowsWritten, alreadyStored: 0, errors: [])
        // The entries were appended right after `end`, in one transaction: the import is that range.
        if rowsWritten > 0 { report.importID = ImportID(first: end + 1, last: end + Int64(rowsWritten)) }
        return report
    }
}

/// An evidence row's fields by column, cleaned as ``ImportTable/values(of:)`` cleans them.
struct EvidenceRows: Sendable {
    let columns: [String]
    let decimalComma: Bool
    private let positions: [String: Int]

    init(_ layout: EvidenceStreamLayout) {
        columns = layout.columns
        decimalComma = layout.delimiter == .semicolon
        positions = Dictionary(uniqueKeysWithValues: layout.columns.enumerated().map { ($1, $0) })
    }

    /// The cleaned values in column order; ``ReadWhole`` for a row that would be reported.
    func values(_ fields: [String]) throws(ReadWhole) -> [String] {
        guard fields.count == columns.count, !ImportHeader.repeatsHeader(fields, columns: columns) else { throw ReadWhole() }
        var values: [String] = []
        values.reserveCapacity(fields.count)
        for (column, field) in zip(columns, fields) {
            guard let cleaned = try? CleanText.clean(field, field: column, kind: column == "note" ? .note : .line) else {
                throw ReadWhole()
            }
            values.append(column == "hours" ? ImportTable.trimmingSpaces(field) : cleaned)
        }
        return values
    }

    /// The value of a column, `nil` when the file has no such column or the cell is empty.
    func field(_ values: [String], _ name: String) -> String? {
        positions[name].flatMap { values[$0].isEmpty ? nil : values[$0] }
    }

    /// The entry the row describes (``ImportContext/loadedEntry(trainee:curriculum:unit:target:method:outcome:date:hours:decimalComma:site:note:assessor:attachment:)``).
    func entry(_ values: [String], context: ImportContext) -> Result<LedgerEntry, Refusal> {
        context.loadedEntry(
            trainee: field(values, "trainee"), curriculum: field(values, "curriculum"), unit: field(values, "unit"),
            target: field(values, "target"), method: field(values, "method"), outcome: field(values, "outcome"),
            date: field(values, "date"), hours: field(values, "hours"), decimalComma: decimalComma, site: field(values, "site"),
            note: field(values, "note"), assessor: field(values, "assessor"), attachment: field(values, "attachment_sha256"))
    }
}

extension EvidenceKey {
    /// The hash values of the keys of the evidence in the store that no correction voids, read as a
    /// stream: a few bytes per stored entry, never the entries. A hash found again is a repeat only
    /// maybe (the file is then read whole, which checks the keys themselves).
    static func storedHashes(in store: any ProgressStore) async throws -> Set<Int> {
        struct Scan: Sendable {
            var evidence: [(sequence: Int64, key: Int)] = []
            var voided = Set<Int64>()
            var unreadable = false
        }
        let scan = try await store.scanEntries(ofKinds: [.evidence, .correction], into: Scan()) { scan, row in
            guard case .success(let entry) = row else {
                scan.unreadable = true
                return
            }
            if entry.kind == .correction, let target = entry.corrects { scan.voided.insert(target) }
            if entry.kind == .evidence { scan.evidence.append((entry.sequence, EvidenceKey(entry).hashValue)) }
        }
        if scan.unreadable { throw ReadWhole() }
        return Set(scan.evidence.lazy.filter { !scan.voided.contains($0.sequence) }.map(\.key))
    }
}
