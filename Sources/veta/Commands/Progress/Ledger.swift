import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

struct Ledger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Check the evidence ledger and write signed checkpoints of it.", subcommands: [Verify.self, Checkpoint.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the hash chain and the sign-off signatures; name the first bad entry.",
            discussion: """
                Exit 0 when every entry verifies (each row stored exactly in its canonical form) and the log extends every checkpoint given, 1 when not. Each checkpoint is named extended, truncated, rolled-back, rewritten, other-log, bad-signature, unreadable or not-judged (the chain is broken at or before the checkpoint's size).

                Examples:
                  veta ledger verify
                  veta ledger verify --checkpoint /media/usb/veta --key-public "site+1a2b3c4d+AXk…"
                """)

        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @Option(
            help: ArgumentHelp(
                "A checkpoint the log must still extend; a folder means every *.checkpoint in it. Repeatable.", valueName: "file"))
        var checkpoint: [String] = []
        @Option(
            help: ArgumentHelp(
                "The key that signed the checkpoints: a verifier key NAME+KEYID+BASE64, or a public key (JWK, z6Mk…), or a file holding one. Repeatable.",
                valueName: "key"))
        var keyPublic: [String] = []
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if !checkpoint.isEmpty && keyPublic.isEmpty {
                throw ValidationError("--checkpoint needs --key-public, the key that signed the checkpoints")
            }
            // A value that is no file, names no file and is no key is a usage error (64); a file that cannot be read is I/O (2).
            for value in keyPublic where !FileManager.default.fileExists(atPath: value) && !CheckpointFiles.looksLikePath(value) {
                guard (try? CheckpointFiles.verifierKey(value)) != nil else {
                    throw ValidationError(
                        "--key-public \(value.prefix(80)) is neither a key file nor a key: give the verifier key NAME+KEYID+BASE64 that veta ledger checkpoint printed, a public key (JWK, z6Mk…), or a file holding one"
                    )
                }
            }
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let keys = try keyPublic.map(CheckpointFiles.verifierKey)
                let files = try CheckpointFiles.read(checkpoint)
                let report = try await store.openRecords(create: false).verifyLedger(checkpoints: files, keys: keys)
                if format == .json {
                    try printJSON(
                        report,
                        failure: report.isIntact
                            ? nil
                            : (
                                "findings",
                                report.problems.first.map { "ledger NOT intact: \($0.sequence == 0 ? $0.reason : $0.description)" }
                                    ?? "ledger NOT intact: the log does not extend every checkpoint"
                            ))
                } else if let first = report.problems.first {
                    // Sequence 0: a problem about no one entry (a registry table that is not the log's projection).
                    Terminal.out(
                        first.sequence == 0
                            ? "ledger NOT intact: \(first.reason)\n"
                            : "ledger NOT intact: first bad entry is \(first.sequence): \(first.reason)\n")
                    for problem in report.problems.dropFirst() {
                        Terminal.out("  also \(problem.sequence == 0 ? problem.reason : problem.description)\n")
                    }
                } else if report.isIntact {
                    Terminal.out(
                        "ledger intact: \(report.entries) entries, \(report.signatures) signatures verified (sign-offs and issued records)\n"
                    )
                } else {
                    Terminal.out("ledger NOT intact: its \(report.entries) entries chain, but the log does not extend every checkpoint\n")
                }
                if format != .json {
                    for finding in report.checkpoints { Terminal.out("checkpoint \(finding)\n") }
                }
                if !report.isIntact { throw ExitCode(1) }
                // The site chains this store's sync receipts hold, each verified on its own (`veta sync chains`).
                let chains = try await store.openService(create: false).siteChains()
                if format != .json { Sync.print(chains) }
                if chains.contains(where: { !$0.isIntact }) { throw ExitCode(1) }
            }
        }
    }
}
