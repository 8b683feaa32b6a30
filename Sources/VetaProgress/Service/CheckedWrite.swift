extension ProgressService {
    /// How many times a request is checked again when other writers keep changing the ledger.
    static let checkAttempts = 32

    /// Runs `attempt` so that what it checks against the ledger still holds when it appends.
    ///
    /// `attempt` is given the ledger's end as read before it checks anything; it reads what it
    /// needs, checks, and appends with ``ProgressStore/append(_:after:seal:)`` after that end. When
    /// another process appended in between (``StoreError/Kind/changed``), nothing was written and
    /// `attempt` runs again on the ledger as it is now, so a request that lost a race gets the
    /// refusal the winner's entry causes ("already enrolled", "already corrected by entry N"),
    /// never a "changed" error. Only when the ledger changed under every one of
    /// ``checkAttempts`` checks is the request given up, as a ``StoreError/Kind/storage`` error
    /// (exit 2: try again), with nothing written.
    func checkedWrite<T>(_ attempt: (_ end: Int64) async throws -> T) async throws -> T {
        var tries = 1
        while true {
            let end = try await store.ledgerEnd()
            do {
                return try await attempt(end)
            } catch let error as StoreError where error.kind == .changed {
                guard tries < Self.checkAttempts else {
                    throw StoreError(
                        .storage,
                        "the ledger changed under each of \(tries) checks of this request (other processes are writing); "
                            + "nothing was written: try again")
                }
                tries += 1
            }
        }
    }
}
