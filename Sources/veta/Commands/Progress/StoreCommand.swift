import ArgumentParser
import VetaProgress

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Look after the store file itself.", subcommands: [Upgrade.self])

    struct Upgrade: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade",
            abstract: "Bring a store made by an older veta up to this veta's schema version.",
            discussion: """
                Commands that write do this on their own; commands that only read (status, cohort,
                ledger verify...) never change a store, and refuse an older one, naming this command.
                Every ledger hash stays valid. An older veta cannot open the store afterwards.
                A store newer than this veta is refused (exit 2) and left unchanged.

                Example:
                  veta store upgrade --store site.sqlite
                """)

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let path = try store.checkedPath()
                let (from, to) = try StoreSchema.upgrade(path)
                Terminal.out(
                    from == to
                        ? "\(path): schema version \(to), already up to date\n" : "\(path): schema version \(from) upgraded to \(to)\n")
            }
        }
    }
}
