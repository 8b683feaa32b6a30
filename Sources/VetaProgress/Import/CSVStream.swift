import Crypto
import Foundation

/// Reads a UTF-8 CSV file record by record, in chunks, as ``CSV/parse(_:delimiter:)`` reads it
/// whole: the same records, fields and line numbers, with memory for one chunk and one record.
///
/// It only tells whether the file reads cleanly: a syntax error or a field that is not UTF-8 stops it
/// with ``Unreadable``, and the caller then reads the file whole for the exact diagnostic. It also
/// keeps the sha256 of every byte read, so a second pass can prove it read the same bytes. Used
/// by one task at a time (or by the write that task awaits).
final class CSVStream: @unchecked Sendable {
    /// The file does not read cleanly as UTF-8 CSV (or could not be opened).
    struct Unreadable: Error {}

    private let handle: FileHandle
    private let delimiter: UInt8
    static let chunkSize = 1 << 20
    private let chunkSize: Int
    private var hasher = SHA256()
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0

    // The parser's state between records.
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    private var inQuotes = false
    private var wasQuoted = false
    /// A quote inside quotes: the next byte says whether it is a doubled quote.
    private var pendingQuote = false
    /// A CR outside quotes: the next byte must be LF.
    private var pendingCR = false

    /// Opens the file at `path`; `chunkSize` is how many bytes are read at once.
    init(path: String, delimiter: UInt8, chunkSize: Int = CSVStream.chunkSize) throws(Unreadable) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Unreadable() }
        self.handle = handle
        self.delimiter = delimiter
        self.chunkSize = chunkSize
        field.reserveCapacity(256)
    }

    deinit { try? handle.close() }

    /// The sha256 of the bytes read (once the last record is read).
    func digest() -> [UInt8] { Array(hasher.finalize()) }

    /// The next record's first line and fields (blank lines skipped), or `nil` at the end of the file.
    func next() throws -> (line: Int, fields: [String])? {
        fields.removeAll(keepingCapacity: true)
        while true {
            if position == chunk.count {
                if atEnd { return try finish() }
                try refill()
                continue
            }
            if let record = try scan() { return record }
        }
    }

    private func refill() throws {
        let data = try handle.read(upToCount: chunkSize) ?? Data()
        if data.isEmpty {
            atEnd = true
            chunk = []
        } else {
            hasher.update(data: data)
            bytesRead += data.count
            chunk = Array(data)
        }
        position = 0
    }

    private func finish() throws -> (line: Int, fields: [String])? {
        if pendingQuote {
            pendingQuote = false
            inQuotes = false
        }
        if pendingCR || inQuotes { throw Unreadable() }
        guard !field.isEmpty || !fields.isEmpty || wasQuoted else { return nil }
        try endField()
        if fields.count == 1 && fields[0].isEmpty { return nil }
        return (recordLine, fields)
    }

    private func endField() throws(Unreadable) {
        if field.contains(where: { $0 >= 0x80 }), CSV.firstInvalidUTF8(in: field) != nil { throw Unreadable() }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        wasQuoted = false
    }

    /// Reads bytes of the current chunk until a record ends (returned) or the chunk does (`nil`).
    private func scan() throws -> (line: Int, fields: [String])? {
        let delimiter = self.delimiter
        var position = self.position
        defer { self.position = position }
        return try chunk.withUnsafeBufferPointer { bytes throws -> (line: Int, fields: [String])? in
            while position < bytes.count {
                if !inQuotes && !pendingCR && !pendingQuote && !wasQuoted {
                    // Plain bytes up to the next separator, quote or line end, copied at once.
                    var end = position
                    while end < bytes.count {
                        let byte = bytes[end]
                        if byte == delimiter || byte == 0x22 || byte == 0x0D || byte == 0x0A { break }
                        end += 1
                    }
                    if end > position {
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
                        position = end
                        continue
                    }
                }
                let byte = bytes[position]
                position += 1
                if pendingCR {
                    guard byte == 0x0A else { throw Unreadable() }
                    pendingCR = false
                }
                if pendingQuote {
                    pendingQuote = false
                    if byte == UInt8(ascii: "\"") {
                        field.append(byte)
                        continue
                    }
                    inQuotes = false
                }
                if inQuotes {
                    if byte == UInt8(ascii: "\"") {
                        pendingQuote = true
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case delimiter:
                    try endField()
                case UInt8(ascii: "\""):
                    guard field.isEmpty && !wasQuoted else { throw Unreadable() }
                    inQuotes = true
                    wasQuoted = true
                case 0x0D:
                    pendingCR = true
                case 0x0A:
                    try endField()
                    let start = recordLine
                    line += 1
                    recordLine = line
                    if fields.count == 1 && fields[0].isEmpty {
                        fields.removeAll(keepingCapacity: true)
                        continue
                    }
                    return (start, fields)
                default:
                    guard !wasQuoted else { throw Unreadable() }
                    field.append(byte)
                }
            }
            return nil
        }
    }
}
