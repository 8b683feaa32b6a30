import Foundation
import Testing

@testable import VetaProgress

/// A store holding migrations that are not Veta's (another program's database) is refused as not
/// a Veta store, never as "newer than this veta knows" with the same version twice (breakit5 17).
@Suite struct ForeignMigrationsTests {
    @Test func migrationsWithNoVetaNumberAreNotANewerVetaButAnotherProgram() async throws {
        let path = try await StoreOpeningTests.store(in: try StoreOpeningTests.folder())
        try StoreOpeningTests.sqlite(path, "INSERT INTO grdb_migrations (identifier) VALUES ('createUsers')")
        let message = StoreOpeningTests.storageError { _ = try SQLiteProgressStore(path: path, create: false) }?.message ?? ""
        #expect(message.contains("not a Veta store") && message.contains("\"createUsers\""), "\(message)")
        #expect(!message.contains("newer than this veta"), "\(message)")
    }
}
