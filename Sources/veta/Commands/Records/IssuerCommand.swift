import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

struct IssuerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issuer", abstract: "Register and list organisations that issue completion records.",
        subcommands: [Add.self, List.self, RotateKey.self, RetireKey.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register an issuer: URL (its id), name, RFC, STPS agent registration and public key.",
            discussion: """
                Example:
                  veta keys generate --name issuer --out keys
                  veta issuer add --url https://capacitacion.example.mx --name "Capacitación Minera del Norte, S.C." \\
                    --rfc CMN150101AB1 --stps CAP-123456-ABC-0013 --public-key keys/issuer.public.jwk
                """)

        @Option(help: "The issuer's URL; it is the credentials' issuer id.") var url: String
        @Option(help: "Name or razón social.") var name: String
        @Option(help: "RFC.") var rfc: String
        @Option(help: "STPS registration as an external training agent.") var stps: String?
        @Option(help: "Public key: a JWK file or the key (multibase z6Mk… or base64url).") var publicKey: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                do { _ = try DIDWeb.did(issuerURL: url) } catch { throw Refusal("\(error)") }
                // Before the store is opened or made: a record page that does not fit the DC-3's code is refused here.
                try VerificationCodeFit.require(issuerURL: url)
                let key = try publicKeyArgument(publicKey)
                try await store.openRecords(create: true).records.add(
                    Issuer(id: url, name: name, rfc: try RFC(rfc), stpsRegistration: stps, publicKey: key.base64URL))
                Terminal.out("added issuer \(url) (key \(key.multibase))\n")
            }
        }
    }
}
