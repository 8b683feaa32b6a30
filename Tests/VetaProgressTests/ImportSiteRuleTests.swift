import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// An evidence row's site must be one its trainee's employer registered, as for `veta record`, on
/// every way a file is read: as a stream, whole (a store that does not stream, a file with a
/// byte-order mark), on either engine. A file with such a row is refused naming the row and the
/// registered sites, and nothing of it is written; without that row it is written whole.
@Suite struct ImportSiteRuleTests {
    enum Path: CaseIterable {
        /// Read as a stream (a clean UTF-8 file into a store that streams).
        case stream
        /// Read whole: the store does not append as a stream.
        case wholeStore
        /// Read whole: the file begins with a byte-order mark.
        case byteOrderMark
    }

    static let unregistered = ["Nowhere", "mina saucito", "Saucito", "Mina Saucito, nivel 4"]

    static func rows(_ count: Int, badAt position: Int?, site bad: String) -> String {
        var csv = ImportTests.header
        for index in 0..<count {
            let site = index == position ? "\"\(bad)\"" : ["", "Mina Saucito", "\"Mina, Saucito\""][index % 3]
            csv += "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-0\(index + 1),1,\(site),,A01,\n"
        }
        return csv
    }

    static func importing(_ csv: String, into world: TestWorld, by path: Path, name: String) async throws -> ImportReport {
        let file = world.folder + "/\(name).csv"
        let bytes = (path == .byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(csv.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let service =
            path == .wholeStore
            ? ProgressService(store: InterleavingStore(world.service.store, times: 0) {}, validator: try CurriculumValidator())
            : world.service
        return try await service.importCSV(fileAt: file)
    }

    @Test(arguments: Engine.all) func aSiteTheEmployerDidNotRegisterIsRefusedOnEveryPathAndNothingIsWritten(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        var generator = SystemRandomNumberGenerator()
        for path in Path.allCases {
            for count in 1...6 {
                let position = Int.random(in: 0..<count, using: &generator)
                let bad = Self.unregistered[Int.random(in: 0..<Self.unregistered.count, using: &generator)]
                let before = try await world.service.store.allEntries().count
                let report = try await Self.importing(
                    Self.rows(count, badAt: position, site: bad), into: world, by: path, name: "bad-\(count)")
                let what = "\(path), \(count) rows, bad row \(position) at \(bad)"
                #expect(report.written == 0, "\(what)")
                #expect(try await world.service.store.allEntries().count == before, "\(what)")
                let error = try #require(report.errors.first, "\(what): accepted")
                #expect(report.errors.count == 1 && error.line == position + 2, "\(what): \(report.errors)")
                #expect(error.reason.hasPrefix("site \(bad) is not registered for employer"), "\(what): \(error.reason)")
                let sites = "its sites are Mina Saucito, Mina Saucito, nivel 3, Mina, Saucito"
                #expect(error.reason.contains(sites), "\(what): \(error.reason)")
            }
        }
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all, Path.allCases) func withoutThatRowTheFileIsWritten(engine: Engine, path: Path) async throws {
        let world = try await TestWorld.make(engine: engine)
        let report = try await Self.importing(Self.rows(6, badAt: nil, site: ""), into: world, by: path, name: "good")
        #expect(report.errors.isEmpty && report.written == 6, "\(report.errors)")
    }
}
