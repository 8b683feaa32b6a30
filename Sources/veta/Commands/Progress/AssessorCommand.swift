import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

struct AssessorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessor",
        abstract: "Register, list and show assessors, authorise them for units, amend their data, rotate their keys.",
        subcommands: [Add.self, Authorise.self, Withdraw.self, Amend.self, RotateKey.self, List.self, Show.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Register an assessor, the units they may assess, and their Ed25519 public key.",
            discussion: """
                Example:
                  veta keys generate --name A01 --out keys
                  veta assessor add --id A01 --name "Luis Pérez" --accreditation "CONOCER EV-1234" \\
                    --unit RIIWHS201E --unit RIIMPO338E --public-key keys/A01.public.jwk
                """)

        @Option(help: "The assessor's id.") var id: IdentifierArgument
        @Option(help: "Full name.") var name: String
        @Option(help: "Accreditation or registration.") var accreditation: String
        @Option(help: "A unit the assessor may assess and sign off (repeatable).") var unit: [UnitArgument] = []
        @Option(help: "Public key: a file (JWK) or the key itself (multibase z6Mk… or base64url).") var publicKey: String
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting {
                let key = try publicKeyArgument(publicKey)
                guard !unit.isEmpty else { throw Refusal("name at least one --unit the assessor may assess") }
                let assessor = Assessor(
                    id: AssessorID(id.description), name: name, accreditation: accreditation, units: Set(unit.map(\.code)),
                    publicKey: key.base64URL)
                try await store.openService(create: true).store.add(assessor)
                Terminal.out("added assessor \(id) (key \(key.multibase))\n")
            }
        }
    }

    struct Authorise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Authorise a registered assessor for a unit from a date on (an entry of the log).",
            discussion: """
                Example:
                  veta assessor authorise --id A01 --unit RIIERR302D --date 2026-03-01
                """)

        @OptionGroup var options: AuthorisationOptions

        func run() async throws {
            try await runReporting {
                let day = try await options.append(granted: true)
                Terminal.out("authorised assessor \(options.id) for \(options.unit.code) from \(day)\n")
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw an assessor's authorisation for a unit from a date on (an entry of the log).",
            discussion: """
                Evidence and sign-offs dated before it stay authorised; from that date on they are refused.

                Example:
                  veta assessor withdraw --id A01 --unit RIIERR302D --date 2026-06-30
                """)

        @OptionGroup var options: AuthorisationOptions

        func run() async throws {
            try await runReporting {
                let day = try await options.append(granted: false)
                Terminal.out("withdrew assessor \(options.id)'s authorisation for \(options.unit.code) from \(day)\n")
            }
        }
    }

    struct Amend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a registered assessor's name, accreditation or public key, saying why (an entry of the log).",
            discussion: """
                Options left out keep their value. Sign-offs made before keep verifying with the key they were made with.

                Example:
                  veta assessor amend --id A01 --public-key keys/A01-2027.public.jwk --reason "key renewed"
                """)

        @OptionGroup var amendment: AssessorAmendmentOptions
        @Option(help: "Full name.") var name: String?
        @Option(help: "Accreditation or registration.") var accreditation: String?
        @Option(help: "Public key: a file (JWK) or the key itself (multibase z6Mk… or base64url).") var publicKey: String?

        func run() async throws {
            try await runReporting {
                try await amendment.amend { current in
                    Assessor(
                        id: current.id, name: name ?? current.name, accreditation: accreditation ?? current.accreditation,
                        units: current.units, publicKey: try publicKey.map { try publicKeyArgument($0).base64URL } ?? current.publicKey)
                }
                Terminal.out("amended assessor \(amendment.id)\n")
            }
        }
    }
}

/// What `assessor amend` and `assessor rotate-key` both take: the assessor, the reason, the store.
struct AssessorAmendmentOptions: ParsableArguments {
    @Option(help: "The assessor's id.") var id: IdentifierArgument
    @Option(help: "Why the data (or the key) changes.") var reason: String
    @OptionGroup var store: StoreOptions

    /// Amends the registered assessor with what `change` makes of its current data (an amendment entry of the log).
    ///
    /// - Throws: ``Refusal`` when the assessor is not registered, or what `change` throws.
    func amend(_ change: (Assessor) throws -> Assessor) async throws {
        let service = try store.openService(create: true)
        guard let current = try await service.store.assessor(AssessorID(id.description)) else {
            throw Refusal("assessor \(id) is not registered")
        }
        try await service.store.amend(try change(current), reason: reason)
    }
}

/// What `assessor authorise` and `assessor withdraw` both take: the assessor, the unit, the date.
struct AuthorisationOptions: ParsableArguments {
    @Option(help: "The assessor's id.") var id: IdentifierArgument
    @Option(help: "The unit.") var unit: UnitArgument
    @Option(help: ArgumentHelp("From this date on, YYYY-MM-DD (default today).", valueName: "yyyy-mm-dd")) var date: DateArgument?
    @OptionGroup var store: StoreOptions

    /// Appends the authorisation (`granted`) or its withdrawal to the log; returns its date.
    func append(granted: Bool) async throws -> CalendarDate {
        let service = try store.openService(create: true)
        let day = try await date.orToday(service)
        try await service.requireNotAfterToday(day, for: granted ? "an authorisation" : "a withdrawal of an authorisation")
        try await service.store.authorise(AssessorID(id.description), for: unit.code, on: day, granted: granted)
        return day
    }
}
