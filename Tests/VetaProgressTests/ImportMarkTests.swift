import Crypto
import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// An import is known exactly by the `import` entry appended with it (canonical version 7), never
/// guessed from recording times: `import --undo` takes what it marks, and nothing else. The store's
/// clock is fixed in these tests, so every entry below is recorded in the same second.
@Suite struct ImportMarkTests {
    static let header = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor\n"

    static func rows(_ days: ClosedRange<Int>) -> String {
        days.map { "T001,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-0\($0),1,,,A01\n" }.joined()
    }

    /// Both ways a file is read: whole (a byte-order mark sends it there) and as a stream.
    @Test(arguments: Engine.all, [true, false])
    func anImportIsMarkedByOneEntryNamingItsRangeAndTheFilesSHA256(engine: Engine, byteOrderMark: Bool) async throws {
        let world = try await TestWorld.make(engine: engine)
        let path = world.folder + "/evidence.csv"
        let bytes = (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array((Self.header + Self.rows(1...3)).utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try await world.service.importCSV(fileAt: path)
        let id = try #require(report.importID)
        #expect(report.written == 3 && id.last - id.first == 2)
        let marks = try await world.service.store.entries(ofKinds: [.importBatch])
        #expect(marks.count == 1)
        let mark = try #require(marks.first)
        #expect(ImportID(mark: mark) == id && mark.sequence == id.last + 1)
        #expect(mark.attachmentSHA256 == SHA256Hex.of(bytes))
        #expect(String(decoding: LedgerCanonicalEncoding.bytes(of: mark), as: UTF8.self).contains("\"v\":7"))
        #expect(try await world.service.verifyLedger().isIntact)
        #expect(try await world.service.store.projectionProblems() == [])
    }

    @Test(arguments: Engine.all) func anImportFollowedInTheSameSecondByARecordIsUndoneByItsId(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let path = world.folder + "/evidence.csv"
        try (Self.header + Self.rows(1...2)).write(toFile: path, atomically: true, encoding: .utf8)
        let id = try #require(try await world.service.importCSV(fileAt: path).importID)
        let recorded = try await world.service.record(world.evidence("RIIWHS201E", .element(2), date: "2026-02-05"))
        let corrections = try await world.service.undoImport(id, reason: "file of another site", on: TestWorld.day("2026-02-10"))
        #expect(corrections.compactMap(\.corrects) == Array(id.first...id.last))
        #expect(!corrections.contains { $0.corrects == recorded.sequence })
    }

    @Test(arguments: Engine.all) func entriesNoImportWroteAreNeverUndoneAsAnImport(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let a = try await world.service.record(world.evidence("RIIWHS201E", .element(1), date: "2026-02-01"))
        let b = try await world.service.record(world.evidence("RIIWHS201E", .element(2), date: "2026-02-02"))
        let size = try await world.service.store.ledgerEnd()
        await #expect(throws: Refusal.self) {
            try await world.service.undoImport(ImportID(first: a.sequence, last: b.sequence), reason: "x", on: TestWorld.day("2026-02-10"))
        }
        #expect(try await world.service.store.ledgerEnd() == size)
    }
}
