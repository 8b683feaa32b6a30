import Testing
import VetaCurricula

@testable import VetaProgress

/// The streaming verifier checks each sign-off with the key the log registered for its assessor
/// when it was signed: a key amended later does not make an earlier signature fail, a signature made
/// with an old key after an amendment fails, and a store migrated from the tables (its assessors
/// registered after their sign-offs) is checked against the key its migrated registration carries.
@Suite struct StreamVerifierTests {
    static let day = CalendarDate(year: 2026, month: 11, day: 24) ?? .earliest
    static let ref = CurriculumRef(code: CurriculumCode("VTOPHT"), version: SemanticVersion(major: 1, minor: 0, patch: 0))

    /// Numbers, chains and hashes `entries` in order; sign-offs are signed with `signer[index]`.
    static func chain(_ entries: [LedgerEntry], signers: [Int: SigningKey]) throws -> [Result<LedgerEntry, LedgerRowError>] {
        var previous = LedgerEntry.genesisHash
        var rows: [Result<LedgerEntry, LedgerRowError>] = []
        for (index, original) in entries.enumerated() {
            var entry = original
            entry.sequence = Int64(index + 1)
            entry.recordedAt = "2026-11-24T10:00:00Z"
            entry.previousHash = previous
            if let key = signers[index] {
                entry.signature = Base64URL.encode(try key.signature(for: LedgerCanonicalEncoding.bytes(of: entry)))
            }
            entry.hash = LedgerCanonicalEncoding.hash(of: entry)
            previous = entry.hash
            rows.append(.success(entry))
        }
        return rows
    }

    static func assessor(_ key: SigningKey, migrated: Bool = false) -> LedgerEntry {
        var fields = ["name": "Luis", "accreditation": "EV-1", "publicKey": key.publicKey.base64URL]
        if migrated { fields["migrated"] = "assessor" }
        return .registry(.assessor, subject: "A01", fields: fields, date: day)
    }

    static func amendment(_ key: SigningKey) -> LedgerEntry {
        .registry(
            .amendment, subject: "A01",
            fields: ["of": "assessor", "name": "Luis", "accreditation": "EV-1", "publicKey": key.publicKey.base64URL],
            date: day, note: "new key")
    }

    static let signOff = LedgerEntry(
        kind: .signOff, trainee: TraineeID("T1"), curriculum: ref, date: day, unit: UnitCode("U1"), assessor: AssessorID("A01"))

    static func report(_ rows: [Result<LedgerEntry, LedgerRowError>]) -> LedgerVerifier.Report {
        var stream = LedgerVerifier.Stream()
        for row in rows { stream.consume(row) }
        return stream.report
    }

    @Test func aSignOffIsCheckedWithTheKeyTheLogRegisteredThen() throws {
        let first = SigningKey()
        let second = SigningKey()
        // Signed with the first key, then the key amended: the earlier signature still verifies.
        let amended = try Self.chain(
            [Self.assessor(first), Self.signOff, Self.amendment(second), Self.signOff], signers: [1: first, 3: second])
        #expect(Self.report(amended).isIntact)
        #expect(Self.report(amended).signatures == 2)
        // Signed with the old key after the amendment: that sign-off is named.
        let stale = try Self.chain([Self.assessor(first), Self.amendment(second), Self.signOff], signers: [2: first])
        #expect(Self.report(stale).problems.map(\.sequence) == [3])
        #expect(Self.report(stale).problems.first?.reason.contains("does not verify with assessor A01's public key") == true)
    }

    @Test func aMigratedStoreIsCheckedWithTheMigratedKey() throws {
        let key = SigningKey()
        let other = SigningKey()
        let migrated = try Self.chain([Self.signOff, Self.signOff, Self.assessor(key, migrated: true)], signers: [0: key, 1: key])
        #expect(Self.report(migrated).isIntact)
        #expect(Self.report(migrated).signatures == 2)
        let wrong = try Self.chain([Self.signOff, Self.assessor(other, migrated: true)], signers: [0: key])
        #expect(Self.report(wrong).problems.map(\.sequence) == [1])
        // A registration that is not marked as migrated does not vouch for sign-offs before it.
        let late = try Self.chain([Self.signOff, Self.assessor(key)], signers: [0: key])
        #expect(Self.report(late).problems.first?.reason == "the sign-off's assessor A01 is not registered")
    }

    @Test func aRegistrationMadeTwiceIsARegistryProblemInTheReport() throws {
        let key = SigningKey()
        let twice = try Self.chain([Self.assessor(key), Self.assessor(key)], signers: [:])
        #expect(Self.report(twice).problems.map(\.reason) == ["assessor A01 is registered a second time"])
    }

    @Test(arguments: Engine.all) func theStoreIsVerifiedWithTheLogsKeyNotTheTables(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        _ = try await world.service.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        #expect(try await world.service.verifyLedger().isIntact)
        #expect(try await world.service.verifyLedger().signatures == 1)
        try engine.tamper(world.storePath, ["UPDATE assessor SET public_key = '\(SigningKey().publicKey.base64URL)'"])
        let report = try await world.service.verifyLedger()
        // The signature still verifies with the log's key; the table is named as not the log's projection.
        #expect(!report.isIntact)
        #expect(report.signatures == 1)
        #expect(report.problems.allSatisfy { $0.sequence == 0 && $0.isProjection })
    }
}
