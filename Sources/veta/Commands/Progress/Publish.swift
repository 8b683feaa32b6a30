import ArgumentParser
import VetaCurricula
import VetaProgress

struct Publish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish curricula into the store: only files with no errors; a published version is immutable.",
        discussion: """
            The exact XML bytes and their sha256 are kept under code + version. Publishing the same
            bytes again does nothing; different bytes under a published code + version are refused.

            Examples:
              veta publish Curricula/*.xml
              veta publish --store /srv/veta/veta.sqlite Curricula/operator-haul-truck.xml
            """)

    @Argument(help: ArgumentHelp("Curriculum files or folders.", valueName: "path")) var paths: [String]
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await runReporting {
            let service = try store.openService(create: true)
            var refused = false
            for file in try CurriculumFiles.expand(paths) {
                let (result, outcome) = try await service.publish(fileAt: file)
                switch outcome {
                case .published?:
                    Terminal.out("published \(result.code?.rawValue ?? "")@\(result.version?.description ?? "") from \(file)\n")
                    if let older = result.curriculum?.supersedes, let code = result.code, let version = result.version {
                        let note = try await service.supersessionNote(
                            older: CurriculumRef(code: older.code, version: older.version),
                            newer: CurriculumRef(code: code, version: version))
                        Terminal.out("  \(note)\n")
                    }
                case .alreadyPublished?:
                    Terminal.out("unchanged \(result.code?.rawValue ?? "")@\(result.version?.description ?? ""): already published\n")
                case nil:
                    refused = true
                    Terminal.out(TextReport.render([result]))
                    Terminal.err("veta: \(file) has errors and was not published\n")
                }
            }
            if refused { throw ExitCode(1) }
        }
    }
}
