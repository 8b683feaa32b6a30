import ArgumentParser
import VetaCurricula

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a readable outline of a curriculum: units, hours, packaging rules.",
        discussion: """
            The file is validated first; if it has errors they are printed instead and the exit code is 1.
            --detail prints every text of each unit under its summary; --format json always holds the whole model, \
            every text in both languages.

            Examples:
              veta show Curricula/supervisor-mine-rescue.xml
              veta show --lang en Curricula/operator-haul-truck.xml
              veta show --detail --lang en Curricula/operator-haul-truck.xml
              veta show --format json Curricula/operator-haul-truck.xml
            """)

    enum Language: String, ExpressibleByArgument, CaseIterable { case es, en, both }

    @Argument(help: ArgumentHelp("A curriculum file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: text or json (the full model).")
    var format: ListingFormat = .text

    @Option(help: "Language of titles in the text outline: es, en or both.")
    var lang: Language = .both

    @Flag(
        help:
            "Also print every unit's texts: elements and criteria, foundation skills, range of conditions, evidence, assessment conditions."
    )
    var detail = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let (result, curriculum) = try reading.readValidCurriculum(file, json: format == .json)
        switch format {
        case .json:
            do { Terminal.out(try JSONOutput.encode(curriculum)) } catch { throw failure(error, json: true) }
        case .text:
            Terminal.out(CurriculumOutline(curriculum: curriculum, language: lang, detail: detail).render())
            for diagnostic in result.diagnostics { Terminal.err(TextReport.lines(for: diagnostic).joined(separator: "\n") + "\n") }
        }
    }
}
