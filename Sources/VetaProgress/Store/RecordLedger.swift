/// What the record registry (VetaRecords' `RecordStore`) needs of a store: its issuers, serials,
/// record entries and artifacts, each engine in its own words (``SQLiteProgressStore``, and the
/// PostgreSQL store), with every rule about records checked by the registry itself, storage-free,
/// inside the write transaction that appends (the `check` closures).
public protocol RecordLedger: ProgressStore {
    /// Registers an issuer with `fields` (as ``RegistryDetails`` names them: `name`, `rfc`,
    /// `publicKey`, `stpsRegistration`): its `issuer` row and its issuer entry, in one write
    /// transaction. Refused (``StoreError/Kind/conflict``) when the id is registered; `check` sees
    /// the id of every registered issuer first and throws to refuse.
    func addIssuer(_ id: String, fields: [String: String], check: @escaping @Sendable ([String]) throws -> Void) async throws

    /// The registry built from the entries of `kinds` only, about `subject` only when given (enough
    /// to read the issuers without folding every trainee's registration).
    func registry(of kinds: Set<LedgerEntry.Kind>, subject: String?) async throws -> RegistryState

    /// Amends a registered issuer (its new `fields`), saying why: a key rotation. A key another issuer has had is refused.
    func amendIssuer(_ id: String, fields: [String: String], reason: String) async throws

    /// Reserves `count` new serials `VETA-year-NNNNNN` and commits the reservation at once: the
    /// counter never goes back, so a serial is never given twice.
    func reserveSerials(count: Int, year: Int) async throws -> [String]

    /// The log's size (its last sequence) and head hash, read together.
    func head() async throws -> (size: Int64, hash: String)

    /// Appends `entries` as ``ProgressStore/append(_:after:seal:)`` does (after whatever the log
    /// holds), in one write transaction that first runs `check` with the stored record entries
    /// (issues, revocations, supersessions) whose serial is in `serials` or whose trainee is in
    /// `trainees`, and last stores `artifacts` (an issued record's bytes, by serial).
    func appendRecords(
        _ entries: [LedgerEntry], serials: Set<String>, trainees: Set<TraineeID>,
        check: @escaping @Sendable ([LedgerEntry]) throws -> Void, seal: @escaping @Sendable (inout LedgerEntry) throws -> Void,
        artifacts: [String: [UInt8]]
    ) async throws -> [LedgerEntry]

    /// The entries of `kinds` (record kinds) about `serial` (every serial when nil), in sequence
    /// order; a ``Refusal`` when one cannot be read.
    func recordEntries(_ kinds: Set<LedgerEntry.Kind>, serial: String?) async throws -> [LedgerEntry]

    /// The issue entries whose artifact has this sha256.
    func issueEntries(sha256: String) async throws -> [LedgerEntry]

    /// Every record entry that reads as an entry, in sequence order (one that does not is left to the verifier).
    func readableRecordEntries() async throws -> [LedgerEntry]

    /// The hashes of the entries at these sequences (those that exist).
    func hashes(at sequences: Set<Int64>) async throws -> [Int64: String]

    /// The artifact's bytes as registered, if any.
    func artifact(_ serial: String) async throws -> [UInt8]?

    /// Every stored artifact's serial and sha256 (a value stored with another type is named so it matches nothing).
    func artifactHashes() async throws -> [(serial: String, sha256: String)]
}
