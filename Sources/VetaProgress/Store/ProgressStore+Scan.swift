extension ProgressStore {
    /// Hands every entry to `body` one at a time (``scanEntries(ofKinds:into:_:)`` of every kind).
    public func scanEntries<State: Sendable>(
        into state: State, _ body: @escaping @Sendable (inout State, Result<LedgerEntry, LedgerRowError>) throws -> Void
    ) async throws -> State {
        try await scanEntries(ofKinds: nil, into: state, body)
    }

    /// Reads the entries first (``allEntries()`` or ``entries(ofKinds:)``), then hands each to
    /// `body`: a store that cannot stream gives the same answer, with memory in proportion to the ledger.
    public func scanEntries<State: Sendable>(
        ofKinds kinds: Set<LedgerEntry.Kind>?, into state: State,
        _ body: @escaping @Sendable (inout State, Result<LedgerEntry, LedgerRowError>) throws -> Void
    ) async throws -> State {
        var state = state
        let rows: [Result<LedgerEntry, LedgerRowError>]
        if let kinds {
            rows = try await entries(ofKinds: kinds).map { .success($0) }
        } else {
            rows = try await allEntries()
        }
        for row in rows { try body(&state, row) }
        return state
    }
}
