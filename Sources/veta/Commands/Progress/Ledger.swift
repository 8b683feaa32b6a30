import ArgumentParser
import VetaProgress

struct Ledger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check the evidence ledger.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the hash chain and the sign-off signatures; name the first bad entry.",
            discussion: """
                Exit 0 when every entry verifies, 1 when one does not.

                Example:
                  veta ledger verify
                """)

        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let report = try await store.openService(create: false).verifyLedger()
                if format == .json {
                    try printJSON(report)
                } else if let first = report.problems.first {
                    Terminal.out("ledger NOT intact: first bad entry is \(first.sequence): \(first.reason)\n")
                    for problem in report.problems.dropFirst() { Terminal.out("  also \(problem)\n") }
                } else {
                    Terminal.out("ledger intact: \(report.entries) entries, \(report.signatures) sign-off signatures verified\n")
                }
                if !report.isIntact { throw ExitCode(1) }
            }
        }
    }
}
