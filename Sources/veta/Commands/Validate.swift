import ArgumentParser
import VetaCurricula

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check curriculum files against the schema and the semantic rules.",
        discussion: """
            Reads each file safely (no DTDs, entities, XInclude or remote schemas), validates it
            against the curriculum XSD, then applies the semantic rules (`veta rules` lists them).
            Folders are searched recursively for *.xml files.

            Examples:
              veta validate Curricula
              veta validate --werror Curricula/operator-haul-truck.xml
              veta validate --verbose Examples/VETA-X003-bad-boolean.xml
              veta validate --format json Curricula | jq '.summary'
              veta validate --format sarif Curricula > veta.sarif
            """)

    @Argument(help: ArgumentHelp("Curriculum files or folders.", valueName: "path"))
    var paths: [String]

    @Option(help: "Output format: text (compiler style), json, or sarif (SARIF 2.1.0).")
    var format: ReportFormat = .text

    @Flag(help: "Treat warnings as errors (exit 1 when there is any warning).")
    var werror = false

    @Flag(help: "Also print libxml2's own text under each XML or schema finding that Veta words in its own terms.")
    var verbose = false

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let results: [ValidationResult]
        let output: String
        do {
            let validator = try reading.makeValidator()
            let files = try CurriculumFiles.expand(paths)
            let bar = ProgressBar(label: "validating", total: files.count)
            // One file: the process exits once it is reported, so its tree is left to the system.
            results = try validator.validate(files: files, keepingModels: false, freeingDocuments: files.count > 1) { done, total in
                bar.update(done, of: total)
            }
            switch format {
            case .text: output = TextReport.render(results, verbose: verbose)
            case .json: output = try JSONReport(results).encoded()
            case .sarif: output = try SARIFReport(results, toolVersion: Veta.version).encoded()
            }
        } catch {
            throw failure(error, json: format == .json)
        }
        Terminal.out(output)
        if results.contains(where: \.hasErrors) || (werror && results.contains(where: \.hasWarnings)) {
            throw ExitCode(1)
        }
    }
}
