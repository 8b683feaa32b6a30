import ArgumentParser
import VetaProgress

struct TraineeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainee", abstract: "Register, show and list trainees.", subcommands: [Add.self, Amend.self, Show.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register a trainee; the CURP is checked, check digit included.",
            discussion: """
                Example:
                  veta trainee add --id T001 --paternal García --maternal López --given "Ana María" \\
                    --curp GALA900101MZSRPN05 --employer MFR110315AB1 --occupation "Operador de camión" --job-title "Operadora"
                """)

        @Option(help: "The trainee's id in the store (e.g. employee number).") var id: IdentifierArgument
        @Option(help: "Apellido paterno.") var paternal: String
        @Option(help: "Apellido materno.") var maternal: String = ""
        @Option(help: "Nombre(s).") var given: String
        @Option(help: "CURP (18 characters).") var curp: String
        @Option(help: "The employer's RFC (veta org add).") var employer: String
        @Option(help: "Specific occupation.") var occupation: String
        @Option(help: "The occupation's key in the national occupations catalogue (printed beside it on the DC-3).")
        var occupationKey: String?
        @Option(help: "Job title (puesto).") var jobTitle: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let trainee = Trainee(
                    id: TraineeID(id.description), paternalSurname: paternal, maternalSurname: maternal, givenNames: given,
                    curp: try CURP(curp),
                    employer: try RFC(employer), occupation: occupation, jobTitle: jobTitle, occupationKey: occupationKey)
                try await store.openService(create: true).store.add(trainee)
                Terminal.out("added trainee \(trainee.id) \(trainee.fullName)\n")
            }
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a registered trainee's identity data, saying why (an entry of the log; the id stays).",
            discussion: """
                Options left out keep their value; the log keeps the data as it was before.

                Example:
                  veta trainee amend --id T001 --curp GALA900101MZSRPN05 --reason "CURP mistyped at registration"
                """)

        @Option(help: "The trainee's id.") var id: IdentifierArgument
        @Option(help: "Apellido paterno.") var paternal: String?
        @Option(help: "Apellido materno.") var maternal: String?
        @Option(help: "Nombre(s).") var given: String?
        @Option(help: "CURP (18 characters).") var curp: String?
        @Option(help: "The employer's RFC (veta org add).") var employer: String?
        @Option(help: "Specific occupation.") var occupation: String?
        @Option(help: "The occupation's key in the national occupations catalogue.") var occupationKey: String?
        @Option(help: "Job title (puesto).") var jobTitle: String?
        @Option(help: "Why the data changes.") var reason: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let service = try store.openService(create: true)
                guard let current = try await service.store.trainee(TraineeID(id.description)) else {
                    throw Refusal("trainee \(id) is not registered")
                }
                let trainee = Trainee(
                    id: current.id, paternalSurname: paternal ?? current.paternalSurname,
                    maternalSurname: maternal ?? current.maternalSurname,
                    givenNames: given ?? current.givenNames, curp: try curp.map { try CURP($0) } ?? current.curp,
                    employer: try employer.map { try RFC($0) } ?? current.employer, occupation: occupation ?? current.occupation,
                    jobTitle: jobTitle ?? current.jobTitle, occupationKey: occupationKey ?? current.occupationKey)
                try await service.store.amend(trainee, reason: reason)
                Terminal.out("amended trainee \(trainee.id) \(trainee.fullName)\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a trainee and their enrolments.")
        @Argument(help: "The trainee's id.") var id: IdentifierArgument
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let service = try store.openService(create: false)
                guard let trainee = try await service.store.trainee(TraineeID(id.description)) else { throw Refusal("no trainee \(id)") }
                if format == .json { return try printJSON(trainee) }
                Terminal.out("\(trainee.id)  \(trainee.fullName)\n  CURP \(trainee.curp)   employer \(trainee.employer)\n")
                Terminal.out("  \(trainee.occupation) — \(trainee.jobTitle)\n")
                // The registration and each amendment, from the log (the table holds only the data as it is now).
                for entry in try await service.store.entries(ofKinds: [.trainee, .amendment], about: trainee.id.rawValue)
                where entry.kind == .trainee || entry.registry?.fields["of"] == "trainee" {
                    let what = entry.kind == .trainee ? "registered" : "amended (\(entry.note ?? ""))"
                    Terminal.out("  \(what) on \(entry.date), log entry \(entry.sequence)\n")
                }
                Terminal.out(TraineeWithdrawals(try await service.store.entries(for: trainee.id)).text)
                for status in try await service.status(of: trainee.id, asOf: try await service.today()) {
                    Terminal.out("  \(status.curriculum): \(Int(status.percentComplete.rounded()))% complete\n")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List trainees.")
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let trainees = try await store.openService(create: false).store.trainees()
                if format == .json { return try printJSON(trainees) }
                for trainee in trainees { Terminal.out("\(trainee.id)\t\(trainee.fullName)\t\(trainee.employer)\n") }
            }
        }
    }
}
