import Foundation
import Testing
import VetaCurricula
import VetaProgress

/// Everyday administration, one test per rule: corrections of several entries are all or nothing,
/// an import is undone as a whole, keys rotate without breaking old sign-offs and are never shared,
/// drafts take no enrolment unless asked, and sites are the employer's.
struct AdministrationTests {
    static let header = "trainee,curriculum,unit,target,method,outcome,date,hours,site,note,assessor\n"

    static func ledgerSize(_ world: TestWorld) async throws -> Int64 { try await world.service.store.ledgerEnd() }

    @Test(arguments: Engine.all) func correctingSeveralEntriesVoidsAllOfThemWithOneReason(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let a = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        let b = try await world.service.record(world.evidence("RIIWHS201E", .element(2)))
        let corrections = try await world.service.correct(
            [b.sequence, a.sequence, a.sequence], reason: "wrong trainee", on: TestWorld.day("2026-02-02"))
        #expect(corrections.map(\.corrects) == [a.sequence, b.sequence])
        #expect(corrections.allSatisfy { $0.kind == .correction && $0.note == "wrong trainee" })
    }

    /// Whichever of the named entries cannot be voided (missing, a registry entry, already voided,
    /// or a correction whose reinstatement would enrol the trainee twice), nothing at all is written.
    @Test(arguments: Engine.all, ["missing", "reinstating an enrolment", "registry", "already voided"])
    func correctingSeveralEntriesIsAllOrNothing(engine: Engine, _ bad: String) async throws {
        let world = try await TestWorld.make(engine: engine)
        let a = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        let b = try await world.service.record(world.evidence("RIIWHS201E", .element(2)))
        let c = try await world.service.record(world.evidence("RIIWHS201E", .knowledge("K1"), method: .writtenTest))
        _ = try await world.service.correct(c.sequence, reason: "duplicate", on: TestWorld.day("2026-02-02"))
        let target: Int64 =
            switch bad {
            case "missing": 9_999
            case "reinstating an enrolment": try await Self.voidedEnrolmentWhileEnrolledAgain(world)
            case "registry": 1  // the publication of the curriculum
            default: c.sequence
            }
        let before = try await Self.ledgerSize(world)
        await #expect(throws: Refusal.self) {
            try await world.service.correct([a.sequence, target, b.sequence], reason: "wrong trainee", on: TestWorld.day("2026-02-02"))
        }
        #expect(try await Self.ledgerSize(world) == before)
    }

    /// The correction of the trainee's enrolment, after which the trainee enrolled again: correcting
    /// that correction would reinstate an enrolment while enrolled again.
    static func voidedEnrolmentWhileEnrolledAgain(_ world: TestWorld) async throws -> Int64 {
        let enrolment = try #require(try await world.service.store.entries(ofKinds: [.enrolment]).first)
        let correction = try await world.service.correct(enrolment.sequence, reason: "mistake", on: TestWorld.day("2026-02-02"))
        _ = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-02-02"))
        return correction.sequence
    }

    @Test(arguments: Engine.all) func undoingAnImportVoidsEveryEntryItWroteWithOneReason(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let path = world.folder + "/evidence.csv"
        let rows = (1...4).map { "T001,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-0\($0),1,Mina Saucito,,A01\n" }
        try (Self.header + rows.joined()).write(toFile: path, atomically: true, encoding: .utf8)
        let report = try await world.service.importCSV(fileAt: path)
        let id = try #require(report.importID)
        #expect(id.last - id.first + 1 == 4)
        #expect(ImportID(id.description) == id)
        let corrections = try await world.service.undoImport(id, reason: "file of another site", on: TestWorld.day("2026-02-10"))
        #expect(corrections.compactMap(\.corrects) == Array(id.first...id.last))
        #expect(corrections.allSatisfy { $0.note == "file of another site" })
        await #expect(throws: Refusal.self) { try await world.service.undoImport(id, reason: "again", on: TestWorld.day("2026-02-10")) }
    }

    /// An id that does not name exactly the entries of one import (reaching before or after it, or
    /// past the end of the log) is refused and writes nothing.
    @Test(arguments: Engine.all, [(-1, 0), (0, 1), (-1, 1), (0, 100), (1, 0), (0, -1)])
    func anIdThatIsNotOneImportIsRefused(engine: Engine, _ shift: (before: Int, after: Int)) async throws {
        let (before, after) = shift
        let world = try await TestWorld.make(engine: engine)
        let path = world.folder + "/evidence.csv"
        try
            (Self.header + "T001,EXWSAFE,RIIWHS201E,element:1,observation,satisfactory,2026-02-01,1,,,A01\n"
            + "T001,EXWSAFE,RIIWHS201E,element:2,observation,satisfactory,2026-02-01,1,,,A01\n").write(
                toFile: path, atomically: true, encoding: .utf8)
        let id = try #require(try await world.service.importCSV(fileAt: path).importID)
        // The store's clock is fixed in these tests: the entry after the import differs by its kind.
        _ = try await world.service.withdraw(world.trainee, from: world.ref, on: TestWorld.day("2026-02-05"), reason: "left")
        let size = try await Self.ledgerSize(world)
        let wrong = ImportID(first: id.first + Int64(before), last: id.last + Int64(after))
        await #expect(throws: Refusal.self) { try await world.service.undoImport(wrong, reason: "x", on: TestWorld.day("2026-02-10")) }
        #expect(try await Self.ledgerSize(world) == size)
    }

    @Test(arguments: ["57-83", "1-1", "12-400"])
    func importIDsReadBackAsWritten(_ text: String) throws {
        #expect(try #require(ImportID(text)).description == text)
    }

    @Test(arguments: ["", "5", "5-", "-5", "9-3", "0-4", "a-b", "1-2-3", " 1-2", "１-２"])
    func malformedImportIDsAreRefused(_ text: String) {
        #expect(ImportID(text) == nil)
    }

    @Test(arguments: Engine.all) func twoAssessorsNeverShareAPublicKey(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let own = SigningKey()
        func other(_ key: String) -> Assessor {
            Assessor(id: AssessorID("A02"), name: "Otra", accreditation: "EV-2", units: [UnitCode("RIIWHS201E")], publicKey: key)
        }
        await #expect(throws: StoreError.self) { try await world.service.store.add(other(world.key.publicKey.base64URL)) }
        try await world.service.store.add(other(own.publicKey.base64URL))
        // Rotating A01 away from its key does not free the key for another assessor: old sign-offs verify with it.
        let next = SigningKey()
        let a01 = try #require(try await world.service.store.assessor(world.assessor))
        try await world.service.store.amend(
            Assessor(id: a01.id, name: a01.name, accreditation: a01.accreditation, units: a01.units, publicKey: next.publicKey.base64URL),
            reason: "rotated")
        let size = try await Self.ledgerSize(world)
        for taken in [world.key.publicKey.base64URL, next.publicKey.base64URL] {
            await #expect(throws: StoreError.self) { try await world.service.store.amend(other(taken), reason: "x") }
        }
        #expect(try await Self.ledgerSize(world) == size)
    }

    @Test(arguments: Engine.all) func aRotatedKeyLeavesEarlierSignOffsVerifying(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        _ = try await world.service.signOff(
            world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        let next = SigningKey()
        let a01 = try #require(try await world.service.store.assessor(world.assessor))
        try await world.service.store.amend(
            Assessor(id: a01.id, name: a01.name, accreditation: a01.accreditation, units: a01.units, publicKey: next.publicKey.base64URL),
            reason: "key renewed")
        #expect(try await world.service.verifyLedger().isIntact)
        _ = try await world.service.record(world.evidence("RIIERR302D", .unit, method: .rpl))
        do {
            _ = try await world.service.signOff(
                world.trainee, unit: UnitCode("RIIERR302D"), in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-06"),
                key: world.key)
            Issue.record("the key rotated away still signs")
        } catch let refusal as Refusal {
            #expect(refusal.reasons.contains { $0.contains("not the one registered") })
        }
    }

    @Test(arguments: Engine.all) func aDraftTakesNoEnrolmentUnlessAsked(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let xml = try String(contentsOfFile: TestWorld.examplePath, encoding: .utf8)
            .replacingOccurrences(
                of: "version=\"1.1.0\" level=\"operator\" status=\"current\"", with: "version=\"1.2.0\" level=\"operator\" status=\"draft\""
            )
        let path = world.folder + "/draft.xml"
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let (result, _) = try await world.service.publish(fileAt: path)
        let curriculum = try #require(result.curriculum)
        #expect(curriculum.status == .draft)
        let ref = CurriculumRef(code: curriculum.code, version: curriculum.version)
        await #expect(throws: Refusal.self) { try await world.service.enrol(world.trainee, in: ref, on: TestWorld.day("2026-01-05")) }
        let entry = try await world.service.enrol(world.trainee, in: ref, on: TestWorld.day("2026-01-05"), allowDraft: true)
        #expect(entry.curriculum == ref)
    }

    @Test(arguments: Engine.all, ["Mina Saucito", "Mina, Saucito"])
    func aRegisteredSiteIsAccepted(engine: Engine, _ site: String) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let entry = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"), site: site)
        #expect(entry.site == site)
    }

    @Test(arguments: Engine.all, ["Mina Fresnillo", "mina saucito", "Saucito"])
    func aSiteTheEmployerDidNotRegisterIsRefused(engine: Engine, _ site: String) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        await #expect(throws: Refusal.self) {
            try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"), site: site)
        }
        _ = try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day("2026-01-05"))
        var evidence = world.evidence("RIIWHS201E", .element(1))
        evidence.site = site
        await #expect(throws: Refusal.self) { try await world.service.record(evidence) }
    }
}
