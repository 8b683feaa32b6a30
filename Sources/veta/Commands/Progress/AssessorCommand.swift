import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

struct AssessorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessor", abstract: "Register assessors.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register an assessor, the units they may assess, and their Ed25519 public key.",
            discussion: """
                Example:
                  veta keys generate --name A01 --out keys
                  veta assessor add --id A01 --name "Luis Pérez" --accreditation "CONOCER EV-1234" \\
                    --unit RIIWHS201E --unit RIIMPO338E --public-key keys/A01.public.jwk
                """)

        @Option(help: "The assessor's id.") var id: IdentifierArgument
        @Option(help: "Full name.") var name: String
        @Option(help: "Accreditation or registration.") var accreditation: String
        @Option(help: "A unit the assessor may assess and sign off (repeatable).") var unit: [UnitArgument] = []
        @Option(help: "Public key: a file (JWK) or the key itself (multibase z6Mk… or base64url).") var publicKey: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let key = try publicKeyArgument(publicKey)
                guard !unit.isEmpty else { throw Refusal("name at least one --unit the assessor may assess") }
                let assessor = Assessor(
                    id: AssessorID(id.description), name: name, accreditation: accreditation, units: Set(unit.map(\.code)),
                    publicKey: key.base64URL)
                try await store.openService(create: true).store.add(assessor)
                Terminal.out("added assessor \(id) (key \(key.multibase))\n")
            }
        }
    }
}
