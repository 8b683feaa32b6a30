import ArgumentParser
import Foundation
import VetaProgress

/// `veta sync`: offline synchronisation between a mine site's store and the centre's, with signed bundles.
struct Sync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Synchronise stores: site ids, signed bundles (files or HTTPS), conflicts (README, \"Sites and synchronisation\").",
        discussion: """
            Examples:
              veta sync init --id ZAC-01 --role site --store zac01.sqlite
              veta sync export --key keys/zac01.private.jwk --to /media/usb/zac01.bundle --store zac01.sqlite
              veta sync import /media/usb/zac01.bundle --store centre.sqlite
              veta sync push https://centro.example.mx:8443 --key keys/zac01.private.jwk --store zac01.sqlite
              veta sync pull https://centro.example.mx:8443 --key keys/zac01.private.jwk --store zac01.sqlite
              veta sync conflicts --format json --store centre.sqlite
            """,
        subcommands: [Init.self, ExportBundle.self, ImportBundle.self, Push.self, Pull.self, Conflicts.self, Chains.self])

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Give the store its site id and role (log entries: part of its chain).",
            discussion: """
                A site id is 1-32 capital letters, digits and '-' (ZAC-01). It never changes: running
                init again with the same id changes nothing (or only the role); another id is refused.

                Example:
                  veta sync init --id CENTRO --role centre
                """)

        @Option(help: ArgumentHelp("The site id, e.g. ZAC-01.", valueName: "id")) var id: String
        @Option(help: "site (a mine site) or centre.") var role: RoleArgument = .site
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let problem = SiteIdentity.problem(id) { throw ValidationError(problem) }
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let service = try store.openService(create: true)
                let identity = SiteIdentity(id: id, role: role.role)
                let changed = try await service.initialiseSite(identity, on: try await service.today())
                if format == .json { return try printJSON(Initialised(site: id, role: role.rawValue, changed: changed)) }
                Terminal.out(
                    changed
                        ? "this store is site \(id) (\(role.rawValue))\n"
                        : "this store is already site \(id) (\(role.rawValue)): nothing changed\n")
            }
        }

        struct Initialised: Encodable {
            let site: String
            let role: String
            let changed: Bool
        }
    }

    struct ExportBundle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the entries the other store has not seen as a signed bundle.",
            discussion: """
                The bundle carries this store's chain from the entry after the last one the other store
                acknowledged (its receipts, received here) to the last; --since N starts at entry N
                instead. It is signed with --key (Ed25519, made by veta keys generate); the first bundle
                a store imports from a site pins the key. The file is never overwritten. --for may name a
                store this one never received from (a first export to a new site): the output says so.

                Example:
                  veta sync export --key keys/zac01.private.jwk --to zac01-2026-12-01.bundle
                """)

        @Option(help: ArgumentHelp("The bundle file to write (never overwritten).", valueName: "file")) var to: String
        @Option(help: ArgumentHelp("The Ed25519 private key that signs (a .private.jwk file).", valueName: "file")) var key: String
        @Option(name: .customLong("for"), help: ArgumentHelp("The site id of the store the bundle is for.", valueName: "id"))
        var partner: String?
        @Option(help: ArgumentHelp("Start at this entry of the chain.", valueName: "sequence")) var since: Int64?
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let since, since < 1 { throw ValidationError("--since takes an entry number, 1 or more") }
            if let partner, let problem = SiteIdentity.problem(partner) { throw ValidationError("--for: \(problem)") }
        }

        func run() async throws {
            try await runReporting(json: format == .json) {
                let signer = try readPrivateKey(key)
                let (bytes, report) = try await store.openService(create: false).exportBundle(key: signer, for: partner, since: since)
                try NewFile.create(to, contents: String(decoding: bytes, as: UTF8.self), json: format == .json, option: "--to")
                if format == .json { return try printJSON(report) }
                Terminal.out(
                    "bundle \(to): site \(report.site), entries \(report.first)-\(report.end) (\(report.entries)), head \(report.head.prefix(12))…\n"
                )
                if let partner = report.partner, !report.partnerKnown {
                    Terminal.out(
                        "this store has received no bundle from \(partner): a first export to it, from entry \(report.first) (check the id if \(partner) has sent bundles here)\n"
                    )
                }
            }
        }
    }

    struct ImportBundle: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Apply a bundle: verified, idempotent, one write transaction.",
            discussion: """
                Refused with exit 1 and nothing written: a bundle whose signature or chain does not verify
                (sync-signature, sync-chain), signed with another key than the site's earlier bundles
                (sync-key), from a store rolled back or truncated since its last bundle (sync-rollback), or
                starting after a gap (sync-gap). Importing a bundle again changes nothing and says so.

                Example:
                  veta sync import zac01-2026-12-01.bundle --store centre.sqlite
                """)

        @Argument(help: ArgumentHelp("The bundle file.", valueName: "bundle")) var bundle: String
        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                guard let data = FileManager.default.contents(atPath: bundle) else {
                    throw StoreError(.storage, "cannot read the bundle \(bundle)")
                }
                let bytes = Array(data)
                // A bundle goes into a store that has a site id (veta sync init): a missing store is not created.
                if try store.postgresAddress() == nil, !FileManager.default.fileExists(atPath: try store.checkedPath()) {
                    throw StoreError(.storage, "no store at \(store.path): run veta sync init --id SITE-ID first; nothing was created")
                }
                // On PostgreSQL likewise: a database without a Veta store is refused, not given one (an older one is upgraded).
                let service =
                    try store.postgresAddress() == nil ? try store.openService(create: true) : try store.openExistingRecords().progress
                let report = try await service.importBundle(bytes, name: bundle)
                if format == .json { return try printJSON(report) }
                guard report.received > 0 else {
                    return Terminal.out(
                        "nothing new from \(report.site): its entries through \(report.through) were already imported; nothing changed\n")
                }
                Terminal.out(
                    "imported \(report.received) entries of \(report.site) (through entry \(report.through)) in receipt \(report.receipt ?? 0): "
                        + "\(report.copied) applied, \(report.conflicts) conflicts\(report.conflicts > 0 ? " (veta sync conflicts)" : "")\n"
                )
            }
        }
    }

    struct Conflicts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract: "List the conflicts sync kept and named (each with its rule).",
            discussion: """
                Exit 0 with or without conflicts: they are recorded, not errors.

                Example:
                  veta sync conflicts --format json
                """)

        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let conflicts = try await store.openService(create: false).conflicts()
                if format == .json { return try printJSON(conflicts) }
                if conflicts.isEmpty { Terminal.out("no conflicts\n") }
                for conflict in conflicts {
                    Terminal.out(
                        "\(conflict.kind)\t\(conflict.site) entry \(conflict.sequence) (\(conflict.entryKind), receipt \(conflict.receipt)): \(conflict.reason)\n"
                    )
                }
            }
        }
    }

    struct Chains: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chains",
            abstract: "Verify every site chain this store holds, each on its own (also part of veta ledger verify).",
            discussion: """
                Exit 1 when one does not verify.

                Example:
                  veta sync chains --format json
                """)

        @Option(help: "Output format: text or json.") var format: ListingFormat = .text
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await runReporting(json: format == .json) {
                let chains = try await store.openService(create: false).siteChains()
                if format == .json { try printJSON(chains) } else { Sync.print(chains) }
                if chains.contains(where: { !$0.isIntact }) { throw ExitCode(1) }
            }
        }
    }

    /// One line per chain, and its problems.
    static func print(_ chains: [SiteChain]) {
        for chain in chains {
            let state = chain.isIntact ? "intact" : "NOT intact"
            Terminal.out("chain of site \(chain.site): entries 1-\(chain.through) \(state), head \(chain.head.prefix(12))…\n")
            for problem in chain.problems { Terminal.out("  \(problem)\n") }
        }
    }
}

/// `--role`: site or centre.
enum RoleArgument: String, ExpressibleByArgument, CaseIterable {
    case site, centre
    var role: SiteRole { self == .centre ? .centre : .site }
}
