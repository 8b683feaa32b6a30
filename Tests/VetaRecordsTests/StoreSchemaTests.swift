import Testing

@testable import VetaProgress
@testable import VetaRecords

/// The record registry keeps its tables in the progress store's file, under the same migration
/// table; the store knows each registry migration by name, or it would refuse its own stores as newer.
@Suite struct StoreSchemaTests {
    @Test func everyRegistryMigrationIsKnownToTheStore() {
        #expect(Set(RecordStore.migrator.migrations).isSubset(of: StoreFile.knownMigrations))
    }
}
