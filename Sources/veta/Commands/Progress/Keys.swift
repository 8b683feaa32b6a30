import ArgumentParser
import Foundation
import VetaProgress

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create Ed25519 signing keys for assessors and issuers.", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Create a key pair: NAME.private.jwk (mode 0600, never printed) and NAME.public.jwk.",
            discussion: """
                Prints the public key as multibase and JWK. Existing files are never overwritten.

                Example:
                  veta keys generate --name A01 --out keys
                """)

        @Option(help: ArgumentHelp("Base name of the key files: letters, digits, -, _ and . (not first).", valueName: "name"))
        var name: KeyName
        @Option(help: "Folder for the key files (created if missing).") var out: String = "."

        func run() async throws {
            try await runReporting {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let key = SigningKey()
                let privatePath = out + "/" + name.description + ".private.jwk"
                let publicPath = out + "/" + name.description + ".public.jwk"
                guard !FileManager.default.fileExists(atPath: publicPath) else {
                    throw Refusal("\(publicPath) already exists; keys are never overwritten")
                }
                try key.write(toFile: privatePath)
                do {
                    try (key.publicKey.jwk + "\n").write(toFile: publicPath, atomically: true, encoding: .utf8)
                } catch {
                    try? FileManager.default.removeItem(atPath: privatePath)  // no half-written key pair
                    throw StoreError(.storage, "cannot write \(publicPath)")
                }
                Terminal.out("private key: \(privatePath) (keep it secret)\npublic key:  \(publicPath)\n")
                Terminal.out("multibase:   \(key.publicKey.multibase)\njwk:         \(key.publicKey.jwk)\n")
            }
        }
    }
}
