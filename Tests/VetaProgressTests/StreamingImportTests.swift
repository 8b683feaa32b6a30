import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// A clean evidence file is imported as a stream, with memory for one row: the stream reads what
/// the whole reading reads, and stores the same entries.
@Suite struct StreamingImportTests {
    /// Random CSV-ish texts: separators, quotes, CR, LF, blank lines and non-ASCII letters.
    static func texts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", ",", ";", "\"", "\"\"", "\r\n", "\n", "\r", "é", " ", "x\ny", "\n\n"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }
                .joined()
        }
    }

    @Test func theStreamReadsEveryTextAsTheWholeReadingDoesInChunksOfAnySize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-stream-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (number, text) in Self.texts(count: 400).enumerated() {
            let path = folder + "/\(number).csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let whole = try? CSV.parse(Array(text.utf8))
            for chunkSize in [1, 2, 3, 7, 64] {
                let stream = try CSVStream(path: path, delimiter: UInt8(ascii: ","), chunkSize: chunkSize)
                var records: [CSV.Record]? = []
                do {
                    while let record = try stream.next() { records?.append(CSV.Record(line: record.line, fields: record.fields)) }
                } catch {
                    records = nil
                }
                #expect(records == whole, "\(text.debugDescription), chunks of \(chunkSize)")
            }
        }
    }

    @Test func aFieldThatIsNotUTF8StopsTheStream() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("veta-stream-\(UUID().uuidString).csv").path
        try Data([0x61, 0x2C, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))
        let stream = try CSVStream(path: path, delimiter: UInt8(ascii: ","))
        #expect(throws: CSVStream.Unreadable.self) { try stream.next() }
    }

    @Test(arguments: Engine.all) func aStreamedImportStoresWhatTheWholeReadingStores(engine: Engine) async throws {
        let streamed = try await TestWorld.make(engine: engine)
        let whole = try await TestWorld.make(engine: engine)
        var csv = ImportTests.header
        for day in 1...9 {
            csv +=
                "T001,EXWSAFE@1.1.0,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-0\(day),0.5,\"Mina, Saucito\",nota \(day),A01,\n"
        }
        csv += "T001,EXWSAFE,RIIWHS201E,unit,practical,not-yet,2026-03-01,1,,\"dos\r\nlíneas\",,\n"
        for world in [streamed, whole] { try csv.write(toFile: world.folder + "/good.csv", atomically: true, encoding: .utf8) }
        let streamedReport = try await streamed.service.importCSV(fileAt: streamed.folder + "/good.csv")
        // A store that does not append as a stream (here, one that wraps one) is given the file whole.
        let wrapped = ProgressService(
            store: InterleavingStore(whole.service.store, times: 0) {}, validator: try CurriculumValidator())
        let wholeReport = try await wrapped.importCSV(fileAt: whole.folder + "/good.csv")
        #expect(streamedReport == wholeReport)
        #expect(streamedReport.written == 10)
        let strip = { (entry: LedgerEntry) -> LedgerEntry in
            var entry = entry
            (entry.hash, entry.previousHash, entry.recordedAt) = ("", "", "")
            return entry
        }
        let streamedEntries = try await streamed.service.store.entries(for: streamed.trainee).map(strip)
        let wholeEntries = try await whole.service.store.entries(for: whole.trainee).map(strip)
        #expect(streamedEntries.filter { $0.kind == .evidence } == wholeEntries.filter { $0.kind == .evidence })
        #expect(try await streamed.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func aFileWithARowToReportIsReadWholeAndReportedAsBefore(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let row = "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,,A01,\n"
        try (ImportTests.header + row + row).write(toFile: world.folder + "/repeat.csv", atomically: true, encoding: .utf8)
        let report = try await world.service.importCSV(fileAt: world.folder + "/repeat.csv")
        #expect(report.written == 0)
        #expect(report.errors.map(\.line) == [3])
        #expect(report.errors.first?.reason.hasPrefix("repeats line 2") == true)
        // The same row again, once stored, is a repeat of the store: refused unless allowed.
        try (ImportTests.header + row).write(toFile: world.folder + "/one.csv", atomically: true, encoding: .utf8)
        #expect(try await world.service.importCSV(fileAt: world.folder + "/one.csv").written == 1)
        await #expect(throws: Refusal.self) { try await world.service.importCSV(fileAt: world.folder + "/one.csv") }
        let again = try await world.service.importCSV(fileAt: world.folder + "/one.csv", options: ImportOptions(allowRepeat: true))
        #expect(again.written == 1 && again.alreadyStored == 1)
    }
}
