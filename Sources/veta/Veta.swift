import ArgumentParser

@main
struct Veta: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "veta",
        abstract: "Validate standardized mining-training curricula.",
        discussion: """
            Exit codes: 0 ok, 1 findings in the input, 2 I/O or internal error, 64 bad usage.

            Examples:
              veta validate Curricula
              veta validate --format sarif Curricula > veta.sarif
              veta show Curricula/operator-haul-truck.xml
              veta rules
            """,
        version: version,
        subcommands: [Validate.self, Show.self, Rules.self]
    )
}
