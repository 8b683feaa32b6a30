import Testing

@testable import VetaProgress

/// One migrator per store file: the record registry's migrations are the store's, and the store's
/// version is the number of its newest numbered migration, so a change to the records raises it.
@Suite struct StoreSchemaTests {
    @Test func theRecordMigrationsAreTheStoresAndEveryLaterOneIsNumbered() {
        let names = Migrations.migrator.migrations
        #expect(names.contains("records v1 issuers, records, events"))
        // Before the shipped legacy name, and after it, every migration is numbered, in order.
        let numbered = names.filter { $0 != "records v1 issuers, records, events" }.map(StoreSchema.number)
        #expect(numbered.allSatisfy { $0 != nil })
        #expect(numbered.compactMap { $0 } == Array(1...numbered.count))
        #expect(StoreSchema.version == numbered.count)
        #expect(StoreFile.knownMigrations == Set(names))
    }
}
