import ArgumentParser
import VetaCurricula

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a curriculum and check the version bump the changes require.",
        discussion: """
            Units, elements, criteria, performance and knowledge evidence, hours and packaging rules are
            compared and each change is classified:
              major  a requirement removed or changed in meaning: a unit, element, criterion or knowledge
                     item removed; English criterion or evidence text changed; occasions changed;
                     prerequisites changed; packaging made stricter (totalUnits or min raised, a core
                     unit added or removed, an elective removed)
              minor  something added or relaxed: a unit, element, criterion, knowledge item or elective;
                     nominal hours changed; totalUnits or min lowered
              patch  wording or translations only: Spanish text, titles, descriptions

            The new file's version must rise by at least the required bump (VETA-D001), it may be declared
            equivalent in <supersedes> only when the bump is minor or patch (VETA-D002), and it must be a
            later version of the same curriculum (VETA-D003).

            Both files are validated first; if either has errors they are printed and the exit code is 1.
            Exit codes: 0 consistent, 1 findings or invalid files, 2 I/O error, 64 bad usage.

            Examples:
              veta diff old/working-safely.xml working-safely.xml
              veta diff --format json v1.1.0.xml v2.0.0.xml
            """)

    @Argument(help: ArgumentHelp("The earlier version of the curriculum.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later version of the curriculum.", valueName: "new"))
    var new: String

    @Option(help: "Output format: text or json.")
    var format: ListingFormat = .text

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        let results: [ValidationResult]
        do {
            let validator = try reading.makeValidator()
            results = [try validator.validate(fileAt: old), try validator.validate(fileAt: new)]
        } catch {
            throw failure(error, json: format == .json)
        }
        let curricula = results.compactMap(\.curriculum)
        guard curricula.count == 2, !results.contains(where: \.hasErrors) else {
            let invalid = results.filter(\.hasErrors)
            guard format == .json else {
                Terminal.out(TextReport.render(invalid))
                throw ExitCode(1)
            }
            Terminal.err(TextReport.render(invalid))
            JSONError(
                code: "invalid-curriculum", exitCode: 1, message: invalid.map(\.path).joined(separator: ", ") + " has errors",
                validation: JSONReport(invalid)
            ).print()
            throw ExitCode(1)
        }
        let report = DiffReport(old: curricula[0], new: curricula[1])
        switch format {
        case .json:
            do {
                try printJSON(
                    report,
                    failure: report.findings.isEmpty ? nil : ("findings", "the curricula differ: \(report.findings.count) finding(s)"))
            } catch {
                throw failure(error, json: true)
            }
        case .text:
            Terminal.out(report.renderText())
        }
        if !report.findings.isEmpty { throw ExitCode(1) }
    }
}
