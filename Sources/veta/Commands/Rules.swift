import ArgumentParser
import Foundation
import VetaCurricula

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every check veta makes, with its id, severity and fix.",
        discussion: """
            Examples:
              veta rules
              veta rules --format json
              veta rules --format markdown --examples Examples > Schemas/RULES.md
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(help: ArgumentHelp("With markdown: the folder of example files and their .expected output.", valueName: "folder"))
    var examples: String?

    func run() throws {
        switch format {
        case .text:
            for rule in RuleCatalog.descriptors {
                Terminal.out("\(rule.id)  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.name)\n")
                Terminal.out("    \(rule.summary)\n    fix: \(rule.fix)\n")
            }
        case .json:
            do { Terminal.out(try JSONOutput.encode(RuleCatalog.descriptors)) } catch { throw failure(error, json: true) }
        case .markdown:
            do { Terminal.out(RulesDocument.markdown(examples: try ExampleCatalog.load(examples))) } catch {
                throw failure(error)
            }
        }
    }
}

/// The example files of a folder, grouped by the rule id their name starts with.
enum ExampleCatalog {
    static func load(_ folder: String?) throws -> [String: [(file: String, output: [String])]] {
        guard let folder else { return [:] }
        var catalog: [String: [(file: String, output: [String])]] = [:]
        for file in try CurriculumFiles.expand([folder]) {
            let name = (file as NSString).lastPathComponent
            let id = name.split(separator: "-").prefix(2).joined(separator: "-")
            let expected = (file as NSString).deletingPathExtension + ".expected"
            guard let text = try? String(contentsOfFile: expected, encoding: .utf8) else { continue }
            catalog[id, default: []].append((file, text.split(separator: "\n").map(String.init)))
        }
        return catalog
    }
}
