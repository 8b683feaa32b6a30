import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// Checks against the store's content hold inside the write: an import never stores a row another
/// writer stored after the import read the store. (Eight concurrent `veta import` processes are
/// checked end to end in `Tests/cli/spreadsheet_cli.py`; in one process the imports do not overlap
/// enough to show the race.)
@Suite struct ConcurrentImportTests {
    @Test(arguments: Engine.all) func anAppendCheckedAgainstAnOlderLedgerIsRefusedAsChanged(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let end = try await world.service.store.ledgerEnd()
        _ = try await world.service.store.append([world.evidence("RIIWHS201E", .element(1))]) { _ in }
        await #expect(
            throws: StoreError(.changed, "the ledger changed while the request was checked (entry \(end + 1) is now the last, not \(end))")
        ) {
            try await world.service.store.append([world.evidence("RIIWHS201E", .element(2))], after: end) { _ in }
        }
        #expect(try await world.service.store.ledgerEnd() == end + 1)
    }
}
