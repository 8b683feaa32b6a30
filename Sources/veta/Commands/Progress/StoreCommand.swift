import ArgumentParser
import VetaPostgres
import VetaProgress
import VetaRecords

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Look after the store file itself.",
        subcommands: [Upgrade.self, Rebuild.self, SetTimeZone.self, ShowTimeZone.self])

    struct Upgrade: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upgrade",
            abstract: "Bring a store made by an older veta up to this veta's schema version.",
            discussion: """
                Commands that write do this on their own; commands that only read (status, cohort,
                ledger verify...) never change a store, and refuse an older one, naming this command.
                Every ledger hash stays valid. An older veta cannot open the store afterwards.
                A store newer than this veta is refused (exit 2) and left unchanged.

                A PostgreSQL store (--store postgresql://...) has a schema version of its own;
                upgrading it needs the role that owns its tables.

                Example:
                  veta store upgrade --store site.sqlite
                """)

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                if let address = try store.postgresAddress() {
                    let (from, to) = try await PostgresProgressStore.upgrade(address)
                    return Terminal.out(
                        "\(address.redacted): PostgreSQL store schema version \(from)"
                            + (from == to ? ", already up to date\n" : " upgraded to \(to)\n"))
                }
                let path = try store.checkedPath()
                let (from, to) = try StoreSchema.upgrade(path)
                Terminal.out(
                    from == to
                        ? "\(path): schema version \(to), already up to date\n" : "\(path): schema version \(from) upgraded to \(to)\n")
            }
        }
    }

    struct Rebuild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the registry tables (organisations, trainees, assessors, issuers) from the log.",
            discussion: """
                The log is the source of truth; the tables commands read are its projection. This
                verifies the log first and refuses (exit 1, nothing changed) when it does not verify for
                any reason other than its tables; then it rewrites every registry table from the log
                in one write transaction, lists what differed, and verifies again (exit 1 when
                something remains, such as a curriculum whose stored bytes differ: their bytes are not
                in the log).

                Example:
                  veta store rebuild --store site.sqlite
                """)

        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let report = try await store.openExistingRecords().rebuildProjections()
                if format == .json {
                    try printJSON(
                        report,
                        failure: report.remaining.isEmpty
                            ? nil
                            : (
                                "findings",
                                "the registry tables are still NOT intact: \(report.remaining.map(\.description).joined(separator: "; "))"
                            ))
                } else {
                    Terminal.out("rebuilt the registry tables from the log: \(report.repaired.count) difference(s) repaired\n")
                    for line in report.repaired { Terminal.out("  repaired \(line)\n") }
                    for problem in report.remaining { Terminal.out("still NOT intact: \(problem)\n") }
                }
                if !report.remaining.isEmpty { throw ExitCode(1) }
            }
        }
    }
}
