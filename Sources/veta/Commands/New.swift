import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new file to fill in: a curriculum skeleton.",
        subcommands: [NewCurriculum.self])
}

struct NewCurriculum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curriculum",
        abstract: "Write a curriculum skeleton: every required part once, with comments saying what each is for.",
        discussion: """
            The skeleton is a valid draft (status="draft", version 0.1.0) with one placeholder unit, so `veta validate` \
            accepts it as written: change one part at a time and validate after each change. With --lang es or en the \
            texts are in that language only, which a draft may be (veta validate lists what still needs a translation). \
            --out never overwrites an existing file (exit 1). With --format json, stdout gets one document:
            code, level, languages, published and out (with --out) or xml (the skeleton, without --out);
            a refusal or usage error is one {"error": …} document instead.

            Examples:
              veta new curriculum --code VTOPHT --level operator > haul-truck.xml
              veta new curriculum --code VTSUPR --level supervisor --lang es --out Curricula/supervisor.xml
              veta new curriculum --code VTSUPR --level supervisor --out supervisor.xml --format json
            """)

    @Option(help: ArgumentHelp("The curriculum's code: 1 to 12 uppercase letters or digits.", valueName: "code"))
    var code: String

    @Option(help: ArgumentHelp("The level: operator, technician or supervisor.", valueName: "level"))
    var level: LevelArgument

    @Option(help: "Languages of the texts: es, en or both.")
    var lang: LanguagesArgument = .both

    @Option(help: ArgumentHelp("Write the skeleton to this file (never overwritten) instead of stdout.", valueName: "file"))
    var out: String?

    @Option(help: ArgumentHelp("The <published> date, YYYY-MM-DD (default: the site's today).", valueName: "date"))
    var published: String?

    @Option(help: "Output format: text (the XML, or a line on stderr with --out) or json (one document).")
    var format: ListingFormat = .text

    func run() throws {
        let json = format == .json
        func usage(_ message: String) -> ExitCode {
            Terminal.err("Error: \(message)\n")
            if json { JSONError(code: "usage", exitCode: ExitCode.validationFailure.rawValue, message: message).print() }
            return ExitCode.validationFailure
        }
        let date: String
        do {
            date = try published ?? SiteClock(now: SiteClock.currentInstant(), timeZone: SiteClock.systemTimeZone).today.description
        } catch {
            throw usage("\(error)")
        }
        let skeleton: CurriculumSkeleton
        do {
            skeleton = try CurriculumSkeleton(code: code, level: level.level, languages: lang.languages, published: date)
        } catch {
            throw usage("\(error)")
        }
        if let out {
            try NewFile.create(out, contents: skeleton.xml, json: json)
            Terminal.err("veta: wrote \(out) (a draft; run `veta validate \(out)` after each change)\n")
        } else if !json {
            Terminal.out(skeleton.xml)
        }
        if json {
            try printJSON(
                Written(
                    code: code, level: level.rawValue, languages: lang.rawValue, published: date, out: out,
                    xml: out == nil ? skeleton.xml : nil))
        }
    }

    /// The JSON document: what was written and where; the XML itself when no --out was given.
    struct Written: Encodable {
        let code: String
        let level: String
        let languages: String
        let published: String
        let out: String?
        let xml: String?
    }
}

extension NewCurriculum {
    /// The level, as the command line spells it.
    enum LevelArgument: String, ExpressibleByArgument, CaseIterable {
        case `operator`, technician, supervisor
        var level: Level { Level(rawValue: rawValue) ?? .operator }
    }

    /// The languages, as the command line spells them.
    enum LanguagesArgument: String, ExpressibleByArgument, CaseIterable {
        case es, en, both
        var languages: CurriculumSkeleton.Languages { CurriculumSkeleton.Languages(rawValue: rawValue) ?? .both }
    }
}
