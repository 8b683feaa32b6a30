import ArgumentParser
import Foundation
import VetaProgress
import VetaRecords

extension IssuerCommand {
    struct RotateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate-key",
            abstract: "Replace an issuer's signing key, saying why (an amendment entry of the log).",
            discussion: """
                From now on records are issued with the new key, named key-N+1 in the issuer's did:web \
                document; the old keys stay in it (and in the log), so credentials signed with them \
                still verify. Build the site again (veta site build) to publish the new key. A key \
                the issuer or another issuer has had is refused.

                Example:
                  veta keys generate --name issuer-2027 --out keys
                  veta issuer rotate-key --url https://capacitacion.example.mx \\
                    --public-key keys/issuer-2027.public.jwk --reason "key renewed for 2027"
                """)
        @Option(help: "The issuer's URL (its id).") var url: String
        @Option(help: "The new public key: a JWK file or the key (multibase z6Mk… or base64url).") var publicKey: String
        @Option(help: "Why the key changes.") var reason: String
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let key = try publicKeyArgument(publicKey)
                let records = try store.openExistingRecords().records
                try await records.rotateKey(of: url, to: key, reason: reason)
                let issuer = try await records.issuer(url)
                let kid = issuer.flatMap { $0.keyID(for: key) }
                if format == .json {
                    return try printJSON(["issuer": url, "publicKey": key.multibase, "keyID": kid ?? ""])
                }
                Terminal.out("rotated issuer \(url)'s key to \(key.multibase) (\(kid ?? "new key"))\n")
            }
        }
    }
}
