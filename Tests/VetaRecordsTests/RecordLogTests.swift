import Foundation
import GRDB
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Issued records live in the one hash-chained log: each rule below is one the log must keep.
///
/// Every test starts from `Tests/fixtures/legacy-store` (made by the veta that kept records in a
/// registry beside the log: see its make.sh), copied to a temporary folder.
@Suite struct RecordLogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Tests/fixtures/legacy-store")
    static var asOf: CalendarDate { day(2026, 11, 30) }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        guard let date = CalendarDate(year: year, month: month, day: day) else { preconditionFailure("not a date") }
        return date
    }

    /// A copy of the legacy store, and a service over it with a second issuer whose key the test holds.
    struct Site {
        let folder: String
        let path: String
        let service: RecordService
        let key: SigningKey
        let issuer = "https://otro.example.mx"

        func open() throws -> RecordService {
            let store = try SQLiteProgressStore(path: path, create: false)
            return RecordService(
                progress: ProgressService(store: store, validator: try CurriculumValidator()), records: RecordStore(store: store))
        }

        func issueUnit(_ unit: String = "RIIWHS201E", dc3: Bool = false) async throws -> [RecordService.Issued] {
            try await service.issue(
                trainee: TraineeID("T100"),
                curriculum: CurriculumRef(code: CurriculumCode("VTOPHT"), version: SemanticVersion(major: 1, minor: 0, patch: 0)),
                unit: UnitCode(unit), dc3: dc3, issuer: issuer, key: key, outputFolder: folder + "/out", asOf: RecordLogTests.asOf)
        }

        /// Runs SQL on the store file as someone with the file, not Veta, would.
        func tamper(_ sql: String) throws {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
            try queue.close()
        }
    }

    static func site() async throws -> Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-records-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture.appendingPathComponent("store.sqlite").path, toPath: folder + "/store.sqlite")
        let path = folder + "/store.sqlite"
        let store = try SQLiteProgressStore(path: path, create: false)
        let service = RecordService(
            progress: ProgressService(store: store, validator: try CurriculumValidator()), records: RecordStore(store: store))
        let key = SigningKey()
        try await service.records.add(
            Issuer(
                id: "https://otro.example.mx", name: "Otro", rfc: try RFC("CMN150101AB1"), stpsRegistration: nil,
                publicKey: key.publicKey.base64URL))
        return Site(folder: folder, path: path, service: service, key: key)
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try #require(FileManager.default.contents(atPath: path)))
    }

    @Test func aStoreMadeBeforeRecordsEnteredTheLogMigratesWithEveryHashIntactAndItsRecordsStillVerify() async throws {
        let original = try DatabaseQueue(
            path: Self.fixture.appendingPathComponent("store.sqlite").path,
            configuration: {
                var configuration = Configuration()
                configuration.readonly = true
                return configuration
            }())
        let hashes = try await original.read { db in try String.fetchAll(db, sql: "SELECT hash FROM ledger_entry ORDER BY sequence") }
        let site = try await Self.site()
        let report = try await site.service.verifyLedger()
        #expect(report.isIntact, "\(report.problems)")
        let entries = try await site.service.progress.store.allEntries().compactMap { try? $0.get() }
        #expect(entries.prefix(hashes.count).map(\.hash) == hashes)
        #expect(entries.dropFirst(hashes.count).prefix(4).map(\.kind) == [.issue, .issue, .issue, .revocation])
        // Then its registry's rows, each registered as migrated (and what the test registered since).
        let migrated = entries.dropFirst(hashes.count + 4).prefix { $0.registry?.isMigrated == true }
        #expect(
            migrated.map(\.kind)
                == [.organisation, .issuer, .assessor, .authorisation, .authorisation, .authorisation, .trainee]
                + [.publication, .publication, .publication])
        #expect(entries.dropFirst(hashes.count).prefix(3).allSatisfy { $0.record?.isMigrated == true && $0.signature == nil })
        let records = Self.fixture.appendingPathComponent("records").path
        let credential = try await site.service.verify(try Self.bytes(records + "/VETA-2026-000001.jwt"), asOf: Self.asOf)
        #expect(credential.isValid, "\(credential.checks)")
        let constancia = try await site.service.verify(try Self.bytes(records + "/VETA-2026-000002.pdf"), asOf: Self.asOf)
        // A DC-3 has no signature of its own: an unsigned migrated entry alone does not make it VALID.
        #expect(!constancia.isValid && constancia.checks.last?.name == "log", "\(constancia.checks)")
        let revoked = try await site.service.verify(try Self.bytes(records + "/VETA-2026-000003.jwt"), asOf: Self.day(2026, 12, 15))
        #expect(!revoked.isValid && revoked.checks.last?.name == "revocation")
        // The registry's tables are gone: nothing beside the log can say a record stands.
        let tables = try await DatabaseQueue(path: site.path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(!tables.contains("issued_record") && !tables.contains("record_event"))
    }

    @Test(arguments: [LedgerEntry.Kind.enrolment, .withdrawal, .evidence, .signOff, .correction])
    func theCanonicalBytesOfTheFirstKindsAreUnchangedByRecordDetails(_ kind: LedgerEntry.Kind) throws {
        var entry = LedgerEntry(
            kind: kind, trainee: TraineeID("T1"),
            curriculum: CurriculumRef(code: CurriculumCode("C"), version: SemanticVersion(major: 1, minor: 0, patch: 0)),
            date: Self.day(2026, 1, 2), note: "n", sequence: 3, recordedAt: "2026-01-02T00:00:00Z",
            previousHash: LedgerEntry.genesisHash)
        let before = LedgerCanonicalEncoding.bytes(of: entry)
        entry.record = RecordDetails(serial: "VETA-2026-000001", format: "ob3", issuer: "https://x", checkpointSize: 2, checkpointHash: "h")
        #expect(LedgerCanonicalEncoding.bytes(of: entry) == before)
        #expect(String(decoding: before, as: UTF8.self).hasSuffix(#""v":1}"#))
    }

    @Test func anIssuedRecordIsAnIssueEntrySignedByItsIssuerAtTheCheckpointItNames() async throws {
        let site = try await Self.site()
        let head = try await site.service.records.checkpoint()
        let issued = try await site.issueUnit(dc3: true)
        #expect(issued.count == 2)
        for item in issued {
            let entry = try #require(try await site.service.records.entry(.issue, item.record.serial))
            #expect(entry.isSigned(by: site.key.publicKey))
            #expect(!entry.isSigned(by: SigningKey().publicKey))
            #expect(entry.record?.checkpointSize == head.size && entry.record?.checkpointHash == head.hash)
            #expect(String(decoding: LedgerCanonicalEncoding.bytes(of: entry), as: UTF8.self).contains(#""v":2"#))
            #expect(SHA256Hex.of(try Self.bytes(item.path)) == entry.attachmentSHA256)
            let report = try await site.service.verify(try Self.bytes(item.path), asOf: Self.asOf)
            #expect(report.isValid, "\(report.checks)")
        }
        let token = String(decoding: try Self.bytes(issued[0].path), as: UTF8.self)
        let credential = try VCJWT.unverifiedCredential(token).credential
        #expect(credential.evidence?.first?.id == "urn:veta:log:\(head.size):\(head.hash)")
        #expect(try await site.service.verifyLedger().isIntact)
    }

    @Test func twoRevocationsOfOneRecordRacingAppendExactlyOne() async throws {
        let site = try await Self.site()
        let serial = try await site.issueUnit()[0].record.serial
        let services = try (0..<6).map { _ in try site.open() }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for service in services {
                group.addTask { (try? await service.revoke(serial, reason: "racing", on: RecordLogTests.asOf)) != nil }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await site.service.records.events(serial).count == 1)
        await #expect(throws: Refusal.self) { try await site.service.revoke(serial, reason: "again", on: RecordLogTests.asOf) }
    }

    @Test func deletingARevocationBreaksTheChainAndTheRecordIsNeverValidAgain() async throws {
        let site = try await Self.site()
        let issued = try await site.issueUnit()
        try await site.service.revoke(issued[0].record.serial, reason: "error", on: Self.asOf)
        let revocation = try #require(try await site.service.records.entry(.revocation, issued[0].record.serial))
        _ = try await site.issueUnit("RIIMPO338E")  // the revocation is no longer the newest entry
        // The whole entry: its row in `ledger` and its record columns in the side table `ledger_detail`.
        try site.tamper(
            "DROP TRIGGER ledger_append_only_delete; DROP TRIGGER ledger_detail_append_only_delete; "
                + "DELETE FROM ledger_detail WHERE sequence = \(revocation.sequence); DELETE FROM ledger WHERE sequence = \(revocation.sequence)"
        )
        let service = try site.open()
        let ledger = try await service.verifyLedger()
        #expect(!ledger.isIntact && ledger.problems.first?.sequence == revocation.sequence + 1)
        let report = try await service.verify(try Self.bytes(issued[0].path), asOf: Self.asOf)
        #expect(!report.isValid && report.checks.last?.name == "log", "\(report.checks)")
        await #expect(throws: Refusal.self) {
            _ = try await Site(folder: site.folder, path: site.path, service: service, key: site.key).issueUnit()
        }
    }

    @Test func aForgedRecordAppendedWithAGoodChainIsReportedAndNeverValid() async throws {
        let site = try await Self.site()
        let forgedPDF = Array("%PDF-1.4 forged constancia".utf8)
        var entry = LedgerEntry(
            kind: .issue, trainee: TraineeID("T100"),
            curriculum: CurriculumRef(code: CurriculumCode("VTOPHT"), version: SemanticVersion(major: 1, minor: 0, patch: 0)),
            date: Self.asOf, attachmentSHA256: SHA256Hex.of(forgedPDF))
        let head = try await site.service.records.checkpoint()
        entry.record = RecordDetails(
            serial: "VETA-2026-000999", format: "dc3", issuer: site.issuer, validFrom: Self.asOf, checkpointSize: head.size,
            checkpointHash: head.hash)
        let forger = SigningKey()
        let stored = try await site.service.progress.store.append([entry]) { entry in try entry.sign(with: forger) }
        let ledger = try await site.service.verifyLedger()
        #expect(Set(ledger.problems.map(\.sequence)) == [stored[0].sequence])
        #expect(ledger.problems.contains { $0.reason.contains("signature") })
        let report = try await site.service.verify(forgedPDF, asOf: Self.asOf)
        #expect(!report.isValid && report.checks.last?.name == "log", "\(report.checks)")
        // A row beside the log that the log does not back is reported too.
        try site.tamper("INSERT INTO record_artifact (serial, bytes) VALUES ('VETA-2026-000998', x'00')")
        #expect(try await site.open().verifyLedger().problems.contains { $0.reason.contains("VETA-2026-000998") })
    }

    @Test func serialsAreReservedBeforeSigningAndNeverGivenTwice() async throws {
        let site = try await Self.site()
        let first = try await site.service.records.reserveSerials(count: 2, year: 2026)
        #expect(first == ["VETA-2026-000004", "VETA-2026-000005"])  // after the migrated 1–3
        let issued = try await site.issueUnit()  // the reserved two were never registered: still not given again
        #expect(issued.map(\.record.serial) == ["VETA-2026-000006"])
        let serial = issued[0].record.serial
        await #expect(throws: Refusal.self) {
            _ = try await site.service.records.register(
                [(record: issued[0].record, checkpoint: (0, LedgerEntry.genesisHash), artifact: [1])], key: site.key, on: Self.asOf)
        }
        #expect(try await site.service.records.records().filter { $0.serial == serial }.count == 1)
    }

    @Test func aRegisteredRecordsFileIsExportedAgainByteForByte() async throws {
        let site = try await Self.site()
        let issued = try await site.issueUnit(dc3: true)
        for item in issued {
            let original = try Self.bytes(item.path)
            try FileManager.default.removeItem(atPath: item.path)
            let again = try await site.service.reexport(item.record.serial, outputFolder: site.folder + "/out")
            #expect(try Self.bytes(again.path) == original)
        }
        await #expect(throws: Refusal.self) { _ = try await site.service.reexport("VETA-2026-000001", outputFolder: site.folder) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder + "/out").filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}
