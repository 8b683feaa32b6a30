import ArgumentParser
import Foundation
import VetaProgress

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create Ed25519 signing keys for assessors and issuers.", subcommands: [Generate.self])

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key pair: NAME.private.jwk (mode 0600, never printed) and NAME.public.jwk.",
            discussion: """
                Prints the public key as multibase and JWK. Existing files are never overwritten.

                Example:
                  veta keys generate --name A01 --out keys
                """)

        @Option(help: "Base name of the key files.") var name: String
        @Option(help: "Folder for the key files (created if missing).") var out: String = "."

        func run() async throws {
            try await runReporting {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let key = SigningKey()
                let privatePath = out + "/" + name + ".private.jwk"
                let publicPath = out + "/" + name + ".public.jwk"
                guard !FileManager.default.fileExists(atPath: publicPath) else {
                    throw Refusal("\(publicPath) already exists; keys are never overwritten")
                }
                try key.write(toFile: privatePath)
                try (key.publicKey.jwk + "\n").write(toFile: publicPath, atomically: true, encoding: .utf8)
                Terminal.out("private key: \(privatePath) (keep it secret)\npublic key:  \(publicPath)\n")
                Terminal.out("multibase:   \(key.publicKey.multibase)\njwk:         \(key.publicKey.jwk)\n")
            }
        }
    }
}
