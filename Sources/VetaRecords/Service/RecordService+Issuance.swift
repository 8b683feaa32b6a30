public import VetaProgress

extension RecordService {
    /// The records of one issuance: `record` and the one issued with it for the same achievement
    /// (a credential and its DC-3 take consecutive serials, the credential first, registered in the
    /// same write), never other records issued in the same second.
    public func issuance(of record: IssuedRecord) async throws -> [IssuedRecord] {
        let partner = record.format == .ob3 ? Self.serial(record.serial, offset: 1) : Self.serial(record.serial, offset: -1)
        var batch = [record]
        if let partner, let other = try await records.record(partner), other.format != record.format, other.issuedAt == record.issuedAt,
            other.trainee == record.trainee, other.curriculum == record.curriculum, other.unit == record.unit
        {
            batch.append(other)
        }
        return batch.sorted { $0.serial < $1.serial }
    }

    /// Revokes a record and the one issued with it (``issuance(of:)``): the credential and its
    /// DC-3 are one issuance, so revoking either revokes both, in one write transaction. A part
    /// already revoked on its own (by an older veta) is left as it is; when every part is, the
    /// request is refused as already revoked. Returns the serials revoked.
    @discardableResult
    public func revokeIssuance(_ serial: String, reason: String, on date: CalendarDate) async throws -> [String] {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal("a revocation must say why") }
        try await progress.requireNotAfterToday(date, for: "a revocation")
        guard let record = try await records.record(serial) else { throw Refusal("no record \(serial)") }
        var todo: [String] = []
        for part in try await issuance(of: record) {
            let revoked = try await records.entry(.revocation, part.serial) != nil
            if part.serial == serial || !revoked { todo.append(part.serial) }
        }
        try await records.revoke(todo, reason: reason, on: date)
        return todo
    }

    /// The events of a record and of the other records of its issuance (an event of the partner is
    /// reported with the partner's serial), oldest first.
    func issuanceEvents(_ record: IssuedRecord) async throws -> [RecordEvent] {
        var events: [RecordEvent] = []
        for part in try await issuance(of: record) { events += try await records.events(part.serial) }
        return events.sorted { $0.date < $1.date }
    }
}
