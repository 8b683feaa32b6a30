import Foundation
import Testing
import VetaCurricula

@testable import VetaProgress

/// Every check a write makes against the ledger holds inside the write that appends: of racing
/// requests that conflict, one is stored and the others get the refusal they would get one after
/// the other (never a "changed" error, never an internal error). The end-to-end version, with real
/// processes, is `Tests/cli/race_cli.py`.
@Suite struct RaceTests {
    static let day = TestWorld.day("2026-02-05")

    /// The message of a refusal, or of anything else thrown (which the tests then reject).
    static func outcome(_ body: () async throws -> LedgerEntry) async -> Result<LedgerEntry, any Error> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    static func refusal(_ result: Result<LedgerEntry, any Error>) -> Refusal? {
        if case .failure(let error as Refusal) = result { return error }
        return nil
    }

    // MARK: the interleaving that matters, every time

    @Test(arguments: Engine.all) func anEnrolmentThatLostTheRaceIsRefusedAsAlreadyEnrolled(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let other = try world.otherProcess()
        let loser = try world.losingRace { _ = try await other.enrol(world.trainee, in: world.ref, on: Self.day) }
        let result = await Self.outcome { try await loser.enrol(world.trainee, in: world.ref, on: Self.day) }
        #expect(Self.refusal(result)?.summary.contains("is already enrolled in \(world.ref)") == true, "\(result)")
        #expect(try await world.service.store.entries(for: world.trainee).filter { $0.kind == .enrolment }.count == 1)
    }

    @Test(arguments: Engine.all) func aCorrectionThatLostTheRaceIsRefusedNamingTheCorrectionThatWon(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let wrong = try await world.service.record(world.evidence("RIIWHS201E", .element(1)))
        let other = try world.otherProcess()
        let loser = try world.losingRace { _ = try await other.correct(wrong.sequence, reason: "first", on: Self.day) }
        let result = await Self.outcome { try await loser.correct(wrong.sequence, reason: "second", on: Self.day) }
        let corrections = try await world.service.store.entries(ofKinds: [.correction])
        #expect(corrections.count == 1)
        let winner = try #require(corrections.first)
        #expect(Self.refusal(result)?.summary == "entry \(wrong.sequence) is already corrected by entry \(winner.sequence)", "\(result)")
    }

    @Test(arguments: Engine.all) func aWithdrawalThatLostTheRaceIsRefusedAsNotEnrolled(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let other = try world.otherProcess()
        let loser = try world.losingRace { _ = try await other.withdraw(world.trainee, from: world.ref, on: Self.day, reason: "a") }
        let result = await Self.outcome { try await loser.withdraw(world.trainee, from: world.ref, on: Self.day, reason: "b") }
        #expect(Self.refusal(result)?.summary == "trainee \(world.trainee) is not enrolled in \(world.ref)", "\(result)")
        #expect(try await world.service.store.entries(ofKinds: [.withdrawal]).count == 1)
    }

    @Test(arguments: Engine.all) func evidenceRecordedAsTheTraineeIsWithdrawnIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let other = try world.otherProcess()
        let loser = try world.losingRace {
            _ = try await other.withdraw(world.trainee, from: world.ref, on: TestWorld.day("2026-01-20"), reason: "left")
        }
        let result = await Self.outcome { try await loser.record(world.evidence("RIIWHS201E", .element(1))) }
        #expect(
            Self.refusal(result)?.reasons.contains {
                $0.hasPrefix("trainee \(world.trainee) is not enrolled in \(world.ref) on 2026-") && $0.contains("withdrawn")
            }
                == true, "\(result)")
        #expect(try await world.service.store.entries(ofKinds: [.evidence]).isEmpty)
    }

    @Test(arguments: Engine.all) func aSignOffThatLostTheRaceToAnotherIsRefusedAsARepeat(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let unit = UnitCode("RIIWHS201E")
        let other = try world.otherProcess()
        let loser = try world.losingRace {
            _ = try await other.signOff(world.trainee, unit: unit, in: world.ref, by: world.assessor, on: Self.day, key: world.key)
        }
        let result = await Self.outcome {
            try await loser.signOff(world.trainee, unit: unit, in: world.ref, by: world.assessor, on: Self.day, key: world.key)
        }
        let signOffs = try await world.service.store.entries(ofKinds: [.signOff])
        #expect(signOffs.count == 1)
        #expect(
            Self.refusal(result)?.reasons.contains {
                $0.hasPrefix("\(unit) is already signed off for \(world.trainee) on 2026-02-05 by entry")
            }
                == true, "\(result)")
    }

    /// The sign-off's precondition (complete evidence) is checked against the ledger it is appended to.
    @Test(arguments: Engine.all) func aSignOffRacingTheCorrectionOfItsEvidenceIsRefused(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let evidence = try await world.service.store.entries(ofKinds: [.evidence])
        let first = try #require(evidence.first)
        let other = try world.otherProcess()
        let loser = try world.losingRace { _ = try await other.correct(first.sequence, reason: "wrong trainee", on: Self.day) }
        let result = await Self.outcome {
            try await loser.signOff(
                world.trainee, unit: UnitCode("RIIWHS201E"), in: world.ref, by: world.assessor, on: Self.day, key: world.key)
        }
        #expect(Self.refusal(result)?.summary.hasPrefix("sign-off of RIIWHS201E") == true, "\(result)")
        #expect(try await world.service.store.entries(ofKinds: [.signOff]).isEmpty)
    }

    /// A second sign-off on the same day or earlier is a repeat, whoever signs; a later one is refused
    /// too while the first has not expired (a unit is signed off again only to renew an expired sign-off).
    @Test(arguments: Engine.all) func aSecondSignOffIsRefusedWhileTheFirstStands(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try await world.completeSafetyUnit()
        let unit = UnitCode("RIIWHS201E")
        let first = try await world.service.signOff(
            world.trainee, unit: unit, in: world.ref, by: world.assessor, on: Self.day, key: world.key)
        for date in ["2026-02-05", "2026-02-04"] {
            let result = await Self.outcome {
                try await world.service.signOff(
                    world.trainee, unit: unit, in: world.ref, by: world.assessor, on: TestWorld.day(date), key: world.key)
            }
            #expect(Self.refusal(result)?.reasons.contains { $0.contains("by entry \(first.sequence)") } == true, "\(date): \(result)")
        }
        let later = await Self.outcome {
            try await world.service.signOff(
                world.trainee, unit: unit, in: world.ref, by: world.assessor, on: TestWorld.day("2026-03-01"), key: world.key)
        }
        #expect(Self.refusal(later)?.reasons.contains { $0.contains("already signed off on \(Self.day)") } == true, "\(later)")
        #expect(try await world.service.store.entries(ofKinds: [.signOff]).count == 1)
    }

    /// A migration is planned again when evidence was recorded after it read the ledger: nothing recorded is left unplanned.
    @Test(arguments: Engine.all) func aMigrationOvertakenByNewEvidenceIsPlannedAgainWithIt(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let major = TestWorld.packageRoot.appendingPathComponent("Tests/fixtures/diff/major.xml").path
        let (published, _) = try await world.service.publish(fileAt: major)
        let next = try published.curriculum.unwrap("the 2.0.0 fixture is valid")
        let to = CurriculumRef(code: next.code, version: next.version)
        let other = try world.otherProcess()
        let loser = try world.losingRace { _ = try await other.record(world.evidence("RIIWHS201E", .element(1))) }
        let plan = try await loser.migrate(from: world.ref, to: to, on: TestWorld.day("2026-03-01"), dryRun: false)
        let evidence = try await world.service.store.entries(ofKinds: [.evidence]).filter { $0.curriculum == world.ref }
        #expect(evidence.count == 1)
        let planned = plan.trainees.flatMap { $0.carriedOver + $0.notCarried }
        #expect(evidence.allSatisfy { planned.contains($0.sequence) }, "\(plan)")
        #expect(try await world.service.store.entries(ofKinds: [.enrolment]).filter { $0.curriculum == to }.count == 1)
    }

    @Test(arguments: Engine.all) func aRequestOvertakenAtEveryCheckGivesUpAsStorageWithNothingWritten(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let other = try world.otherProcess()
        let note = Counter()
        let loser = try world.losingRace(times: ProgressService.checkAttempts) {
            var evidence = world.evidence("RIIWHS201E", .element(2))
            evidence.note = "interloper \(note.next())"
            _ = try await other.record(evidence)
        }
        let result = await Self.outcome { try await loser.record(world.evidence("RIIWHS201E", .element(1))) }
        guard case .failure(let error as StoreError) = result else {
            Issue.record("expected a storage error, got \(result)")
            return
        }
        #expect(error.kind == .storage)
        #expect(error.message.contains("nothing was written: try again"))
        let evidence = try await world.service.store.entries(ofKinds: [.evidence])
        #expect(evidence.count == ProgressService.checkAttempts)
        #expect(evidence.allSatisfy { $0.target == .element(2) })
    }

    // MARK: many concurrent tasks, each with a store instance of its own

    @Test(arguments: Engine.all) func eightTraineesEnrolledThreeTimesAtOnceAreEachEnrolledOnce(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let trainees = try await Self.addTrainees(8, to: world)
        let results = await withTaskGroup(of: Result<LedgerEntry, any Error>.self) { group in
            for trainee in trainees {
                for _ in 0..<3 {
                    group.addTask {
                        await Self.outcome { try await world.otherProcess().enrol(trainee, in: world.ref, on: Self.day) }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let enrolments = try await world.service.store.entries(ofKinds: [.enrolment])
        #expect(enrolments.count == 8)
        #expect(Set(enrolments.map(\.trainee)) == Set(trainees))
        Self.expectOnlyRefusals(results, containing: "is already enrolled in", stored: 8)
        #expect(try await world.service.verifyLedger().isIntact)
    }

    @Test(arguments: Engine.all) func eightEntriesCorrectedTwiceAtOnceAreEachCorrectedOnce(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        var targets: [Int64] = []
        for day in 1...8 {
            targets.append(try await world.service.record(world.evidence("RIIWHS201E", .element(1), date: "2026-02-0\(day)")).sequence)
        }
        let results = await withTaskGroup(of: Result<LedgerEntry, any Error>.self) { group in
            for target in targets {
                for attempt in 0..<2 {
                    group.addTask {
                        await Self.outcome { try await world.otherProcess().correct(target, reason: "race \(attempt)", on: Self.day) }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let corrections = try await world.service.store.entries(ofKinds: [.correction])
        #expect(corrections.compactMap(\.corrects).sorted() == targets)
        Self.expectOnlyRefusals(results, containing: "is already corrected by entry", stored: 8)
        #expect(try await world.service.verifyLedger().isIntact)
    }

    static func expectOnlyRefusals(_ results: [Result<LedgerEntry, any Error>], containing words: String, stored: Int) {
        #expect(results.filter { (try? $0.get()) != nil }.count == stored)
        for case .failure(let error) in results {
            #expect((error as? Refusal)?.summary.contains(words) == true, "\(error)")
        }
    }

    /// Registers `count` more trainees, T101…, each with a CURP of their own.
    static func addTrainees(_ count: Int, to world: TestWorld) async throws -> [TraineeID] {
        var ids: [TraineeID] = []
        for index in 0..<count {
            let body = Array("GALA900101MZSRPN" + String(index + 1))
            let check = try CURP.checkDigit(body[...]).unwrap("a check digit")
            let id = TraineeID("T\(101 + index)")
            try await world.service.store.add(
                Trainee(
                    id: id, paternalSurname: "García", maternalSurname: "López", givenNames: "Ana",
                    curp: try CURP(String(body) + "\(check)"),
                    employer: try RFC(TestWorld.employer), occupation: "Operadora", jobTitle: "Operadora"))
            ids.append(id)
        }
        return ids
    }
}

/// A count shared by the interloper's runs.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
