import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// Issue 10, first half of the outside tester's findings: every "today" is the site's, no write is
/// dated after it, a local date past 9999 is refused, one admission rule for every way into a
/// version, the publish note says what happened, and a voided sign-off counts nowhere.
@Suite struct OutsideFixesATests {
    static let major = TestWorld.packageRoot.appendingPathComponent("Tests/fixtures/diff/major.xml").path

    /// A copy of the example as `version`, published as a draft (no `<supersedes>`).
    static func draft(_ version: String, in world: TestWorld) throws -> String {
        let text = try String(contentsOfFile: TestWorld.examplePath, encoding: .utf8)
            .replacingOccurrences(
                of: "version=\"1.1.0\" level=\"operator\" status=\"current\"",
                with: "version=\"\(version)\" level=\"operator\" status=\"draft\"")
        let path = world.folder + "/draft-\(version).xml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// repro-8: the "after today" check takes the today it is given (the site's), for every kind and date.
    @Test func theFutureDateCheckUsesTheTodayItIsGiven() async {
        await propertyCheck(count: 200, input: Gen.int(in: -800...800), Gen.int(in: -3...3)) { start, offset in
            let today = TestWorld.day("2026-11-30").adding(days: start)
            let date = today.adding(days: offset)
            for kind in [LedgerEntry.Kind.evidence, .signOff, .enrolment] {
                #expect((NotAfterToday.problem(date, of: kind, today: today) != nil) == (offset > 0))
            }
            #expect((NotAfterToday.problem(date, what: "a correction", today: today) != nil) == (offset > 0))
        }
    }

    /// repro-2: every write with a date refuses a date after the site's today, and writes nothing.
    @Test(arguments: Engine.all) func everyDatedWriteRefusesADateAfterToday(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let evidence = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        let tomorrow = try await world.service.today().adding(days: 1)
        let end = try await world.service.store.ledgerEnd()
        let writes: [(String, () async throws -> Void)] = [
            ("withdraw", { _ = try await world.service.withdraw(world.trainee, from: world.ref, on: tomorrow, reason: "r") }),
            ("correct", { _ = try await world.service.correct(evidence.sequence, reason: "r", on: tomorrow) }),
            ("correct many", { _ = try await world.service.correct([evidence.sequence], reason: "r", on: tomorrow) }),
            ("retire", { try await world.service.retire(world.ref, reason: "r", on: tomorrow) }),
        ]
        for (name, write) in writes {
            do {
                try await write()
                Issue.record("\(name) dated \(tomorrow) was written")
            } catch let refusal as Refusal {
                #expect(refusal.reasons.contains { $0.contains("is after today") }, "\(name): \(refusal)")
            }
        }
        #expect(try await world.service.store.ledgerEnd() == end)
        // Today itself is accepted.
        _ = try await world.service.correct(evidence.sequence, reason: "r", on: try await world.service.today())
    }

    /// repro-9: an instant whose local date is past 9999 is refused, never turned into another date.
    @Test func aLocalDatePastYear9999IsRefused() throws {
        let instant = try Instant.parse("9999-12-31T23:59:59Z").unwrap("an instant")
        let kiritimati = try SiteClock.timeZone(named: "Pacific/Kiritimati")
        #expect(throws: SettingError.self) { try SiteClock(now: instant, timeZone: kiritimati).today }
        #expect(try SiteClock(now: instant, timeZone: try SiteClock.timeZone(named: "UTC")).today == TestWorld.day("9999-12-31"))
    }

    /// repro-11: migrate applies the enrolment admission rule: not into a withdrawn version, not
    /// into a draft unless asked; nothing is written when refused.
    @Test(arguments: Engine.all) func migrateRefusesAWithdrawnOrDraftTarget(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        _ = try await world.service.publish(fileAt: Self.major)
        let newer = CurriculumRef(code: world.ref.code, version: try SemanticVersion("2.0.0").unwrap("a version"))
        let today = try await world.service.today()
        try await world.service.retire(newer, reason: "wrong hours", on: today)
        let end = try await world.service.store.ledgerEnd()
        let withdrawn = await #expect(throws: Refusal.self) {
            _ = try await world.service.migrate(from: world.ref, to: newer, on: today, dryRun: false)
        }
        #expect(withdrawn?.reasons.contains { $0.contains("takes no new enrolments") } == true)
        _ = try await world.service.publish(fileAt: try Self.draft("3.0.0", in: world))
        let draft = CurriculumRef(code: world.ref.code, version: try SemanticVersion("3.0.0").unwrap("a version"))
        let refused = await #expect(throws: Refusal.self) {
            _ = try await world.service.migrate(from: world.ref, to: draft, on: today, dryRun: false)
        }
        #expect(refused?.reasons.contains { $0.contains("--allow-draft") } == true)
        #expect(try await world.service.store.ledgerEnd() > end)  // the publication only
        #expect(try await world.service.store.entries(for: world.trainee).filter { $0.curriculum != world.ref }.isEmpty)
        let moved = try await world.service.migrate(from: world.ref, to: draft, on: today, dryRun: false, allowDraft: true)
        #expect(moved.trainees.count == 1)
    }

    /// repro-19: a bare code for an enrolment is the newest version that takes enrolments; a draft
    /// only with allowDraft, a withdrawn version never.
    @Test(arguments: Engine.all) func aBareCodeForAnEnrolmentIsTheNewestVersionThatTakesEnrolments(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let code = world.ref.code.rawValue
        _ = try await world.service.publish(fileAt: try Self.draft("3.0.0", in: world))
        let draft = CurriculumRef(code: world.ref.code, version: try SemanticVersion("3.0.0").unwrap("a version"))
        #expect(try await world.service.resolveForEnrolment(code, allowDraft: false) == world.ref)
        #expect(try await world.service.resolveForEnrolment(code, allowDraft: true) == draft)
        #expect(try await world.service.resolveForEnrolment("\(code)@3.0.0", allowDraft: false) == draft)
        _ = try await world.service.enrol(
            world.trainee, in: try await world.service.resolveForEnrolment(code, allowDraft: false), on: TestWorld.day("2026-11-02"))
        try await world.service.retire(world.ref, reason: "r", on: try await world.service.today())
        // No version takes enrolments without --allow-draft: the newest, so the refusal says why.
        #expect(try await world.service.resolveForEnrolment(code, allowDraft: false) == draft)
    }

    /// repro-5: the publish note claims a lifecycle entry only when the log holds the one just written.
    @Test(arguments: Engine.all) func thePublishNoteSaysWhatHappened(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.service.retire(world.ref, reason: "replaced", on: try await world.service.today())
        _ = try await world.service.publish(fileAt: Self.major)
        let newer = CurriculumRef(code: world.ref.code, version: try SemanticVersion("2.0.0").unwrap("a version"))
        let note = try await world.service.supersessionNote(older: world.ref, newer: newer)
        #expect(note.contains("stays withdrawn") && note.contains("no lifecycle entry was written"), "\(note)")
        let other = try await TestWorld.make(engine: engine)
        _ = try await other.service.publish(fileAt: Self.major)
        #expect(try await other.service.supersessionNote(older: other.ref, newer: newer).contains("(lifecycle entry in the log)"))
    }

    /// repro-6: a voided sign-off counts nowhere, whatever the dates: a new sign-off dated before the
    /// correction is not refused as a repeat.
    @Test(arguments: Engine.all) func aVoidedSignOffDoesNotBlockASignOffDatedBeforeTheCorrection(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let unit = UnitCode("RIIWHS201E")
        let first = try await world.service.signOff(
            world.trainee, unit: unit, in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-05"), key: world.key)
        _ = try await world.service.correct(first.sequence, reason: "wrong assessor", on: TestWorld.day("2026-03-01"))
        let again = try await world.service.signOff(
            world.trainee, unit: unit, in: world.ref, by: world.assessor, on: TestWorld.day("2026-02-10"), key: world.key)
        #expect(again.kind == .signOff)
    }
}
