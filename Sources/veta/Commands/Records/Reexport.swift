import ArgumentParser
import VetaProgress
import VetaRecords

struct Reexport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reexport",
        abstract: "Write the file of a registered record again, from the bytes its signed log entry proves.",
        discussion: """
            For a record whose file was lost, or never written because `veta issue` was interrupted
            after registering it. The bytes are the ones issued (the log's signed entry holds their
            sha256); the file is written atomically, replacing one of the same name. Records migrated
            from the registry that preceded the log have no stored file and are refused (exit 1).

            Example:
              veta reexport VETA-2026-000001 --out records
            """)

    @Argument(help: "The record's serial.") var serial: String
    @Option(help: "Folder for the file.") var out: String = "."
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let item = try await store.openRecords(create: false).reexport(serial, outputFolder: out)
            Terminal.out("exported \(item.record.serial) (\(item.record.format.rawValue)) for \(item.record.trainee): \(item.path)\n")
        }
    }
}
