import Foundation
import GRDB
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// Curriculum versions: a bare code means, per trainee, the version they are enrolled in; a
/// superseding publication and `retire` are lifecycle entries of the log with their projection;
/// `migrate` moves only trainees in training and lists only the units they must take.
@Suite struct VersionTests {
    static let major = TestWorld.packageRoot.appendingPathComponent("Tests/fixtures/diff/major.xml").path

    /// The world with 2.0.0 (which declares it supersedes the example 1.1.0) published.
    static func withNewerVersion(engine: Engine = .sqlite) async throws -> (TestWorld, CurriculumRef) {
        let world = try await TestWorld.make(engine: engine)
        let (result, outcome) = try await world.service.publish(fileAt: major)
        #expect(outcome == .published)
        let next = try result.curriculum.unwrap("the 2.0.0 fixture is valid")
        return (world, CurriculumRef(code: next.code, version: next.version))
    }

    /// A bare code resolves per trainee to the version they are enrolled in, not the newest published.
    @Test(arguments: Engine.all) func aBareCodeResolvesToTheVersionTheTraineeIsEnrolledIn(engine: Engine) async throws {
        let (world, newer) = try await Self.withNewerVersion(engine: engine)
        let code = world.ref.code.rawValue
        #expect(try await world.service.resolve(code, for: world.trainee) == world.ref)
        #expect(try await world.service.resolve(code) == newer)
        // A trainee enrolled in no version gets the newest; a named version is that version for anyone.
        #expect(try await world.service.resolve(code, for: TraineeID("T999")) == newer)
        #expect(try await world.service.resolve("\(code)@\(newer.version)", for: world.trainee) == newer)
        // Recording through the resolved version is accepted (it was refused as "not enrolled in 2.0.0").
        _ = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
    }

    /// Publishing a version that declares `supersedes` appends one lifecycle entry for the older one
    /// (its bytes and publication untouched), with its projection; publishing again adds nothing.
    @Test(arguments: Engine.all) func publishingASupersedingVersionMovesTheOlderOneToSuperseded(engine: Engine) async throws {
        let (world, newer) = try await Self.withNewerVersion(engine: engine)
        let before = try await world.service.store.publishedCurriculum(world.ref)
        _ = try await world.service.publish(fileAt: Self.major)
        let entries = try await world.service.store.entries(ofKinds: [.lifecycle])
        #expect(entries.count == 1)
        #expect(entries.first?.registry?.subject == world.ref.description)
        let lifecycle = try await world.service.lifecycle()[world.ref.description]
        #expect(lifecycle?.status == .superseded && lifecycle?.successor == newer.description)
        #expect(try await world.service.store.publishedCurriculum(world.ref) == before)
        #expect(try await world.service.verifyLedger().isIntact)
        #expect(try await world.service.store.projectionProblems().isEmpty)
    }

    /// A lifecycle entry encodes with its own canonical version (5), and the earlier kinds keep theirs.
    @Test func aLifecycleEntryHasItsOwnCanonicalVersion() {
        let entry = LedgerEntry.registry(
            .lifecycle, subject: "X@1.0.0", fields: CurriculumLifecycle.fields(.withdrawn, successor: nil),
            date: TestWorld.day("2026-01-01"), note: "r")
        let text = String(decoding: LedgerCanonicalEncoding.bytes(of: entry), as: UTF8.self)
        #expect(text.contains("\"v\":5") && text.contains("\"status\":\"withdrawn\"") && text.contains("\"kind\":\"lifecycle\""))
        let publication = LedgerEntry.registry(.publication, subject: "X@1.0.0", date: TestWorld.day("2026-01-01"), sha256: "ab")
        #expect(String(decoding: LedgerCanonicalEncoding.bytes(of: publication), as: UTF8.self).contains("\"v\":3"))
    }

    /// Every move from every state: superseding once, then withdrawing, is allowed; a withdrawal is final.
    @Test(arguments: [nil, CurriculumLifecycle.Status.superseded, .withdrawn], [CurriculumLifecycle.Status.superseded, .withdrawn])
    func aWithdrawalIsFinalAndAVersionIsSupersededOnce(_ from: CurriculumLifecycle.Status?, _ to: CurriculumLifecycle.Status) {
        let current = from.map { CurriculumLifecycle(status: $0, successor: "X@2.0.0", since: TestWorld.day("2026-01-01"), reason: nil) }
        let problem = CurriculumLifecycle.transitionProblem(from: current, to: to, subject: "X@1.0.0")
        #expect((problem == nil) == (from == nil || (from == .superseded && to == .withdrawn)), "\(String(describing: from)) → \(to)")
    }

    /// `retire` withdraws a version: it takes no new enrolments, is final, and needs a reason.
    @Test(arguments: Engine.all) func aRetiredVersionTakesNoNewEnrolments(engine: Engine) async throws {
        let (world, _) = try await Self.withNewerVersion(engine: engine)
        await #expect(throws: Refusal.self) { try await world.service.retire(world.ref, reason: "  ", on: TestWorld.day("2026-03-01")) }
        try await world.service.retire(world.ref, reason: "replaced", on: TestWorld.day("2026-03-01"))
        #expect(try await world.service.lifecycle()[world.ref.description]?.status == .withdrawn)
        try await world.service.store.add(
            Trainee(
                id: TraineeID("T002"), paternalSurname: "Pérez", maternalSurname: "", givenNames: "Luis",
                curp: try CURP(TestWorld.curps[1]),
                employer: try RFC(TestWorld.employer), occupation: "Operador", jobTitle: "Operador"))
        await #expect(throws: Refusal.self) {
            _ = try await world.service.enrol(TraineeID("T002"), in: world.ref, on: TestWorld.day("2026-03-02"))
        }
        await #expect(throws: Refusal.self) { try await world.service.retire(world.ref, reason: "again", on: TestWorld.day("2026-03-03")) }
        #expect(try await world.service.verifyLedger().isIntact)
    }

    /// The lifecycle table is a projection of the log: a damaged table is named, and rebuilt from the log alone.
    @Test(arguments: Engine.all) func theLifecycleTableIsRebuiltFromTheLog(engine: Engine) async throws {
        let (world, _) = try await Self.withNewerVersion(engine: engine)
        try await world.service.retire(world.ref, reason: "replaced", on: TestWorld.day("2026-03-01"))
        try engine.tamper(world.storePath, ["DELETE FROM curriculum_lifecycle"])
        #expect(try await world.service.store.projectionProblems().contains { $0.contains("curriculum_lifecycle") })
        let end = try await world.service.store.ledgerEnd()
        _ = try await world.service.store.rebuildProjections(after: end)
        #expect(try await world.service.store.projectionProblems().isEmpty)
        #expect(try await world.service.lifecycle()[world.ref.description]?.status == .withdrawn)
    }

    /// On random histories of publications, retirements and enrolments (refused steps included), the
    /// lifecycle table the commands wrote is exactly what `veta store rebuild` writes from the log alone.
    @Test(arguments: Engine.all) func theLifecycleTableIsAlwaysTheLogsProjection(engine: Engine) async throws {
        await propertyCheck(count: 10, input: Gen.int(in: 0...29).array(of: 2...12)) { history in
            do {
                let world = try await TestWorld.make(engine: engine)
                let newer = CurriculumRef(code: world.ref.code, version: SemanticVersion(major: 2, minor: 0, patch: 0))
                for code in history {
                    let day = TestWorld.day("2026-03-01").adding(days: code)
                    do {
                        switch code % 3 {
                        case 0: _ = try await world.service.publish(fileAt: Self.major)
                        case 1: try await world.service.retire(code % 2 == 0 ? world.ref : newer, reason: "r\(code)", on: day)
                        default: _ = try await world.service.enrol(TraineeID("T001"), in: code % 2 == 0 ? world.ref : newer, on: day)
                        }
                    } catch is Refusal {}
                }
                let select = "SELECT * FROM curriculum_lifecycle ORDER BY code, version"
                let dump = {
                    switch engine {
                    case .sqlite:
                        try await DatabaseQueue(path: world.storePath).read { db in try Row.fetchAll(db, sql: select).map(\.description) }
                    case .postgresql: [try Engine.psql(world.storePath, select)]
                    }
                }
                let incremental = try await dump()
                #expect(try await world.service.store.projectionProblems() == [], "history \(history)")
                try engine.tamper(world.storePath, ["DELETE FROM curriculum_lifecycle"])
                _ = try await world.service.store.rebuildProjections(after: try await world.service.store.ledgerEnd())
                #expect(try await dump() == incremental, "history \(history)")
                #expect(try await world.service.verifyLedger().isIntact, "history \(history)")
            } catch {
                Issue.record("history \(history): \(error)")
            }
        }
    }

    /// Migrate moves only trainees still in training by default, and lists only units they must take:
    /// core units and the electives they started, never an elective they did not choose.
    @Test(arguments: Engine.all) func migrateListsOnlyTheUnitsATraineeMustTake(engine: Engine) async throws {
        let (world, newer) = try await Self.withNewerVersion(engine: engine)
        let old = try await world.service.curriculum(world.ref)
        let new = try await world.service.curriculum(newer)
        let core = Set(new.packaging.core.map(\.code))
        let electives = Set(new.units.map(\.code)).subtracting(core)
        let none = MigrationScope.unitsToTake(world.trainee, old: old, new: new, ref: world.ref, entries: [], voided: [])
        #expect(none == core)
        for elective in electives {
            var started = world.evidence(elective.rawValue, .unit)
            started.sequence = 7
            let taken = MigrationScope.unitsToTake(world.trainee, old: old, new: new, ref: world.ref, entries: [started], voided: [])
            #expect(taken == core.union([elective]))
            #expect(MigrationScope.unitsToTake(world.trainee, old: old, new: new, ref: world.ref, entries: [started], voided: [7]) == core)
        }
        let plan = try await world.service.migrate(from: world.ref, to: newer, on: TestWorld.day("2026-03-01"), dryRun: true)
        #expect(plan.trainees.map(\.trainee) == [world.trainee])
        #expect(plan.trainees.allSatisfy { $0.toAssess.allSatisfy { item in core.contains { item.hasPrefix($0.rawValue) } } })
    }
}
