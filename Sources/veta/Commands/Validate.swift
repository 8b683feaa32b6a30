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
        var entries: [JSONReport.Entry] = []
        var unreadable: [CurriculumIOError] = []
        let output: String
        do {
            let validator = try reading.makeValidator()
            // Every path is reported: one that cannot be read is an error entry beside the others' results (exit 2).
            var files: [String] = []
            var order: [(path: String, files: [String])] = []
            for path in paths {
                do {
                    let found = try CurriculumFiles.expand([path])
                    files += found
                    order.append((path, found))
                } catch {
                    unreadable.append(error)
                    order.append((path, []))
                }
            }
            let bar = ProgressBar(label: "validating", total: files.count)
            // One file: the process exits once it is reported, so its tree is left to the system.
            var byFile: [String: Result<ValidationResult, CurriculumIOError>] = [:]
            do {
                let results = try validator.validate(files: files, keepingModels: false, freeingDocuments: files.count > 1) { done, total in
                    bar.update(done, of: total)
                }
                for (file, result) in zip(files, results) { byFile[file] = .success(result) }
            } catch {
                // A file that cannot be read: each file again on its own, so the others are still reported.
                for file in files {
                    byFile[file] = Result { () throws(CurriculumIOError) in
                        try validator.validate(fileAt: file, keepingModel: false, freeingDocument: true)
                    }
                }
            }
            for (path, found) in order {
                if found.isEmpty, let error = unreadable.first(where: { $0.path == path }) {
                    entries.append(.unreadable(path: path, reason: error.description))
                }
                for file in found {
                    switch byFile[file] {
                    case .success(let result)?: entries.append(.result(result))
                    case .failure(let error)?:
                        unreadable.append(error)
                        entries.append(.unreadable(path: file, reason: error.description))
                    case nil: break
                    }
                }
            }
            let results = entries.compactMap { if case .result(let result) = $0 { result } else { nil } }
            switch format {
            case .text: output = TextReport.render(results, verbose: verbose)
            case .json:
                let report = JSONReport(entries: entries)
                if let first = unreadable.first {
                    output = try JSONOutput.encode(
                        JSONFailingReport(
                            report: report,
                            error: JSONError.Detail(
                                code: "storage", exitCode: 2,
                                message: unreadable.count == 1
                                    ? first.description : "\(unreadable.count) paths cannot be read; first: \(first)")))
                } else if failed(results) {
                    output = try JSONOutput.encode(
                        JSONFailingReport(
                            report: report,
                            error: JSONError.Detail(
                                code: "invalid-curriculum", exitCode: 1,
                                message: "\(report.summary.filesWithErrors) of \(report.summary.files) file(s) have errors"
                                    + (report.summary.filesWithErrors == 0 ? " (warnings with --werror)" : ""))))
                } else {
                    output = try report.encoded()
                }
            case .sarif: output = try SARIFReport(results, toolVersion: Veta.version).encoded()
            }
        } catch {
            throw failure(error, json: format == .json)
        }
        Terminal.out(output)
        for error in unreadable { Terminal.err("veta: error: \(error)\n") }
        if !unreadable.isEmpty { throw ExitCode(2) }
        if failed(entries.compactMap { if case .result(let result) = $0 { result } else { nil } }) { throw ExitCode(1) }
    }

    private func failed(_ results: [ValidationResult]) -> Bool {
        results.contains(where: \.hasErrors) || (werror && results.contains(where: \.hasWarnings))
    }
}
