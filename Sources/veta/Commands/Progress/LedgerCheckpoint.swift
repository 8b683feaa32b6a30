import ArgumentParser
import Foundation
import VetaProgress

extension Ledger {
    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Write a signed checkpoint of the ledger: its size, head hash and the time.",
            discussion: """
                The whole ledger is verified first: a ledger that does not verify is refused (exit 1).

                The file (and its folder, when missing) is created; it is a C2SP tlog-checkpoint in a C2SP signed note (README, "Signed checkpoints"), and is never overwritten. The command prints the note's verifier key, which `veta ledger verify --key-public` takes.

                Example:
                  veta ledger checkpoint --key keys/site.private.jwk --out /media/usb/veta/2026-11-30.checkpoint
                """)

        @Option(help: ArgumentHelp("The Ed25519 private key that signs (a .private.jwk file).", valueName: "file")) var key: String
        @Option(help: ArgumentHelp("The key name in the signature line (default: the key file's name).", valueName: "name"))
        var keyName: String?
        @Option(help: ArgumentHelp("The checkpoint file to write (never overwritten).", valueName: "file")) var out: String
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let signer = try readPrivateKey(key)
                let name = CheckpointFiles.keyName(keyName, keyPath: key)
                let verifier = try NoteVerifierKey(name: name, publicKey: signer.publicKey)
                let (checkpoint, note) = try await store.openService(create: false).checkpoint(key: signer, keyName: name, verify: true)
                try CheckpointFiles.write(note, to: out)
                if format == .json {
                    try printJSON(CheckpointWritten(file: out, checkpoint: checkpoint, verifierKey: verifier.verifierKey ?? ""))
                } else {
                    Terminal.out("checkpoint \(out): \(checkpoint.size) entries, head \(checkpoint.head)\n")
                    Terminal.out("verifier key: \(verifier.verifierKey ?? "")\n")
                }
            }
        }
    }
}

/// What `ledger checkpoint --format json` prints.
struct CheckpointWritten: Encodable {
    let file: String
    let checkpoint: VetaProgress.Checkpoint
    let verifierKey: String
}
