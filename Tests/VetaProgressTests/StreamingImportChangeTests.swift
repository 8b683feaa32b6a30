import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// The streaming import reads an evidence file twice (check, then append) and commits only when the
/// second reading saw the bytes the first one checked: a file changed between the readings is
/// refused with nothing written, never read again whole and stored as changed. On every engine: a
/// refusal names the second reading, so it also shows the file was streamed there.
@Suite struct StreamingImportChangeTests {
    static let rows = [
        "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-01,1,,nota uno,A01,\n",
        "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-02,1,,nota dos,A01,\n",
        "T001,EXWSAFE,RIIWHS201E,criterion:1.1,observation,satisfactory,2026-02-03,1,,nota tres,A01,\n",
    ]

    /// Imports `rows` with `change` run between the two readings; what was stored and what was thrown.
    static func importChanging(to changed: String?, engine: Engine) async throws -> (
        ends: (Int64, Int64), error: (any Error)?, stored: Int
    ) {
        let world = try await TestWorld.make(engine: engine)
        let path = world.folder + "/evidence.csv"
        let original = ImportTests.header + rows.joined()
        try original.write(toFile: path, atomically: false, encoding: .utf8)
        let before = try await world.service.store.ledgerEnd()
        var thrown: (any Error)?
        do {
            let rewrite: @Sendable () throws -> Void = {
                if let changed { try changed.write(toFile: path, atomically: false, encoding: .utf8) }
            }
            _ = try await StreamingImportHooks.$betweenPasses.withValue(rewrite) {
                try await world.service.importCSV(fileAt: path)
            }
        } catch {
            thrown = error
        }
        let after = try await world.service.store.ledgerEnd()
        let stored = try await world.service.store.entries(for: world.trainee).filter { $0.kind == .evidence }.count
        #expect(try await world.service.verifyLedger().isIntact)
        return ((before, after), thrown, stored)
    }

    @Test(arguments: Engine.all) func anUnchangedFileIsImported(engine: Engine) async throws {
        let result = try await Self.importChanging(to: nil, engine: engine)
        #expect(result.error == nil)
        #expect(result.stored == 3)
    }

    @Test(
        arguments: [
            // The same length, one letter changed in place (what the outside tester did).
            ImportTests.header + rows[0] + rows[1].replacingOccurrences(of: "nota dos", with: "nota DOS") + rows[2],
            // A row added, a row dropped, a row made bad.
            ImportTests.header + rows.joined() + rows[2].replacingOccurrences(of: "2026-02-03", with: "2026-02-04"),
            ImportTests.header + rows[0] + rows[1],
            ImportTests.header + rows[0] + rows[1] + rows[2].replacingOccurrences(of: "observation", with: "guesswork"),
        ], Engine.all)
    func aFileChangedBetweenTheReadingsIsRefusedWithNothingWritten(changed: String, engine: Engine) async throws {
        let result = try await Self.importChanging(to: changed, engine: engine)
        let refusal = try #require(result.error as? Refusal, "\(String(describing: result.error))")
        #expect(refusal.summary.contains("changed while it was being imported"))
        #expect(result.ends.0 == result.ends.1)
        #expect(result.stored == 0)
    }
}
