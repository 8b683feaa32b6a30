package import GRDB

/// The small integers the compact ledger (schema version 5, table `ledger`) stores in place of
/// repeated text: each entry kind, evidence method and outcome has a fixed code, and each trainee,
/// curriculum code, curriculum version, unit, evidence target, site, assessor, recording time and
/// date an id in `ledger_name`.
///
/// The codes are part of the stored format: never renumber one; a new kind, method or outcome takes
/// a new number. What is hashed does not change: an entry's canonical encoding
/// (``LedgerCanonicalEncoding``) always uses the names, rebuilt from these codes as rows are read.
package enum LedgerCodes {
    /// The code of each entry kind.
    static let kinds: [(LedgerEntry.Kind, Int)] = [
        (.enrolment, 1), (.withdrawal, 2), (.evidence, 3), (.signOff, 4), (.correction, 5), (.issue, 6), (.revocation, 7),
        (.supersession, 8), (.organisation, 9), (.trainee, 10), (.assessor, 11), (.issuer, 12), (.authorisation, 13),
        (.deauthorisation, 14), (.publication, 15), (.amendment, 16), (.lifecycle, 17), (.setting, 18),
        (.importBatch, 19), (.receipt, 20),
    ]

    /// The code of each evidence method.
    static let methods: [(EvidenceMethod, Int)] = [
        (.observation, 1), (.practical, 2), (.writtenTest, 3), (.oralTest, 4), (.product, 5), (.thirdParty, 6), (.rpl, 7),
        (.creditTransfer, 8),
    ]

    /// The code of each outcome.
    static let outcomes: [(Outcome, Int)] = [(.satisfactory, 1), (.notYet, 2)]

    /// What a `ledger_name` row names; its `role` column.
    package enum Role: Int, CaseIterable {
        case trainee = 1
        case curriculumCode
        case curriculumVersion
        case unit
        case site
        case assessor
        case target
        case recordedAt
        case date

        /// The `ledger` column that holds ids of this role.
        package var column: String {
            switch self {
            case .trainee: "trainee"
            case .curriculumCode: "curriculum_code"
            case .curriculumVersion: "curriculum_version"
            case .unit: "unit"
            case .site: "site"
            case .assessor: "assessor"
            case .target: "target"
            case .recordedAt: "recorded_at"
            case .date: "date"
            }
        }
    }

    private static let kindCodes = Dictionary(uniqueKeysWithValues: kinds.map { ($0.0, $0.1) })
    private static let methodCodes = Dictionary(uniqueKeysWithValues: methods.map { ($0.0, $0.1) })
    private static let outcomeCodes = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.0, $0.1) })

    /// The code of `kind`.
    package static func code(_ kind: LedgerEntry.Kind) -> Int { kindCodes[kind] ?? 0 }
    package static func code(_ method: EvidenceMethod) -> Int { methodCodes[method] ?? 0 }
    package static func code(_ outcome: Outcome) -> Int { outcomeCodes[outcome] ?? 0 }

    /// A condition on the `ledger_entry` view that holds for the entries of `kinds`, through the
    /// index on the stored code (`kind_code`), e.g. `kind_code IN (6, 7) AND kind_code <> 3`. The
    /// index leaves out evidence (most of the log): without evidence among `kinds` the condition
    /// says so, in the words of the index, so that SQLite uses it.
    package static func condition(_ kinds: [LedgerEntry.Kind]) -> String {
        let codes = "kind_code IN (" + kinds.map { code($0) }.sorted().map(String.init).joined(separator: ", ") + ")"
        return kinds.contains(.evidence) ? codes : codes + " AND kind_code <> \(code(.evidence))"
    }

    /// A portable SQL `CASE` that turns the code in `column` into its name, NULL for an unknown code.
    static func names<T: RawRepresentable>(_ codes: [(T, Int)], of column: String) -> String where T.RawValue == String {
        "CASE " + column + " " + codes.map { "WHEN \($0.1) THEN '\($0.0.rawValue)'" }.joined(separator: " ") + " END"
    }
}
