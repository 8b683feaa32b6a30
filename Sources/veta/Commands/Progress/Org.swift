import ArgumentParser
import VetaProgress

struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Register employers.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register an employer by RFC, with its sites.",
            discussion: """
                Example:
                  veta org add --rfc MFR110315AB1 --name "Minera Fresnillo" --site "Mina Saucito" --site "Planta Fresnillo"
                """)

        @Option(help: "The company's RFC (12 characters, homoclave included).") var rfc: String
        @Option(help: "Name or razón social.") var name: String
        @Option(help: "A site where training happens (repeatable).") var site: [String] = []
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let rfc = try RFC(rfc)
                guard rfc.isCompany else { throw Refusal("an employer's RFC has 12 characters; \(rfc) is a person's") }
                try await store.openService(create: true).store.add(Organisation(rfc: rfc, name: name, sites: site))
                Terminal.out("added organisation \(rfc) \(name)\n")
            }
        }
    }
}
