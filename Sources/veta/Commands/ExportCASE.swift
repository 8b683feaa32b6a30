import ArgumentParser
import Foundation
import VetaCurricula

struct ExportCASE: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Export a curriculum as a 1EdTech CASE 1.0 package (CFPackage JSON).",
        discussion: """
            The file is validated first; if it has errors they are printed instead and the exit code is 1.

            Units, elements, performance criteria and knowledge items become CFItems (Spanish statements, English in notes); \
            the hierarchy becomes isChildOf associations and prerequisites precedes associations. Identifiers are name-based \
            UUIDs, so the same curriculum always gives the same bytes.

            Examples:
              veta export case Curricula/operator-haul-truck.xml > vtopht.case.json
              veta export case --out vtopht.case.json Curricula/operator-haul-truck.xml
              veta export case --base-uri https://case.example.org/ims/case/v1p0 FILE
            """)

    @Argument(help: ArgumentHelp("A curriculum file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Write the package to this file instead of stdout.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("Base of every node's uri (default: urn:uuid:<identifier>).", valueName: "uri"))
    var baseURI: String?

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let curriculum = try reading.readValidCurriculum(file).curriculum
        do {
            let json = try CASEExport.json(CASEExport.package(for: curriculum, packageURI: baseURI))
            if let out {
                try Data(json.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                Terminal.out(json)
            }
        } catch let refusal as CASEExportError {
            Terminal.err("veta: \(file): \(refusal)\n")
            throw ExitCode(1)
        } catch {
            throw failure(error)
        }
    }
}
