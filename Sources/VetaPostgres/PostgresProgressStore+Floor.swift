import PostgresNIO
import VetaProgress

extension PostgresProgressStore {
    /// Throws unless the log still extends ``floor`` (the newest checkpoint), read inside the
    /// caller's write transaction, which holds the append lock: no other write can slip in between.
    func checkFloor(_ connection: PostgresConnection) async throws {
        guard let floor else { return }
        let end = try await Self.head(connection).sequence
        var binds = Binds()
        binds.add(floor.size)
        let hash = try await connection.rows("SELECT encode(hash, 'hex') FROM ledger WHERE sequence = $1", binds.bindings).first?
            .decode(String.self)
        try floor.check(end, hash)
    }
}
