import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

/// A trainee is enrolled in a curriculum once at a time: while an enrolment is in force (not
/// withdrawn), every other enrolment in that curriculum is refused, whatever its date or version.
@Suite struct EnrolmentOnceTests {
    static let enrolledOn = TestWorld.day("2026-01-05")

    @Test(arguments: Engine.all) func anEnrolmentDatedBeforeTheOneInForceIsRefusedAsADoubleEnrolment(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        for date in ["2026-01-03", "2026-01-05", "2026-12-15"] {
            await #expect(throws: Refusal.self, "enrolment on \(date)") {
                try await world.service.enrol(world.trainee, in: world.ref, on: TestWorld.day(date))
            }
        }
        let enrolments = try await world.service.store.entries(for: world.trainee).filter { $0.kind == .enrolment }
        #expect(enrolments.count == 1)
    }

    /// Import applies the same rule, row by row: an earlier or later date is refused naming the line,
    /// the same row as the enrolment in force is a repeat.
    @Test(arguments: Engine.all) func importRefusesAnEnrolmentWhileOneIsInForceNamingTheLine(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("veta-enrol-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for date in ["2026-01-03", "2027-02-01"] {
            try Data("trainee,curriculum,date\n\(world.trainee),\(world.ref.code),\(date)\n".utf8).write(to: URL(fileURLWithPath: path))
            let report = try await world.service.importCSV(fileAt: path)
            #expect(report.written == 0)
            #expect(report.errors.map(\.line) == [2], "\(date)")
            #expect(report.errors.first?.reason.contains("already enrolled in \(world.ref) (since 2026-01-05)") == true, "\(date)")
        }
        let enrolments = try await world.service.store.entries(for: world.trainee).filter { $0.kind == .enrolment }
        #expect(enrolments.count == 1)
    }

    @Test(arguments: Engine.all) func whileEnrolledEveryOtherEnrolmentIsRefusedWhateverItsDate(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        await propertyCheck(count: 60, input: Gen.int(in: -3650...3650)) { offset in
            let date = Self.enrolledOn.adding(days: offset)
            do {
                _ = try await world.service.enrol(world.trainee, in: world.ref, on: date)
                Issue.record("a second enrolment on \(date) was accepted")
            } catch let refusal as Refusal {
                #expect(refusal.description.contains("already enrolled in \(world.ref) (since 2026-01-05)"))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test(arguments: Engine.all) func theStoreItselfRefusesASecondEnrolmentAsImportWritesIt(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let earlier = LedgerEntry(kind: .enrolment, trainee: world.trainee, curriculum: world.ref, date: TestWorld.day("2025-12-01"))
        await #expect(throws: Refusal.self) { try await world.service.store.append([earlier]) { _ in } }
        let otherVersion = CurriculumRef(code: world.ref.code, version: SemanticVersion(major: 9, minor: 0, patch: 0))
        let other = LedgerEntry(kind: .enrolment, trainee: world.trainee, curriculum: otherVersion, date: TestWorld.day("2026-06-01"))
        await #expect(throws: Refusal.self, "another version of the same curriculum") {
            try await world.service.store.append([other]) { _ in }
        }
        let entries = try await world.service.store.entries(for: world.trainee)
        #expect(entries.filter { $0.kind == .enrolment }.count == 1)
    }

    @Test(arguments: Engine.all) func twoEnrolmentsOfOneTraineeInOneBatchAreRefusedTogether(engine: Engine) async throws {
        let world = try await TestWorld.make(enrol: false, engine: engine)
        let batch = ["2026-03-01", "2026-02-01"].map {
            LedgerEntry(kind: .enrolment, trainee: world.trainee, curriculum: world.ref, date: TestWorld.day($0))
        }
        await #expect(throws: Refusal.self) { try await world.service.store.append(batch) { _ in } }
        #expect(try await world.service.store.entries(for: world.trainee).isEmpty)
    }

    /// Any date up to today: an enrolment dated after today is refused whatever else holds.
    @Test(arguments: Engine.all) func afterAWithdrawalTheTraineeMayEnrolAgainOnAnyDate(engine: Engine) async throws {
        await propertyCheck(count: 5, input: Gen.int(in: -400...400)) { offset in
            do {
                let world = try await TestWorld.make(engine: engine)
                _ = try await world.service.withdraw(world.trainee, from: world.ref, on: TestWorld.day("2026-02-01"), reason: "left")
                let date = TestWorld.day("2026-02-01").adding(days: offset)
                guard try await date <= world.service.today() else {
                    await #expect(throws: Refusal.self) { try await world.service.enrol(world.trainee, in: world.ref, on: date) }
                    return
                }
                let again = try await world.service.enrol(world.trainee, in: world.ref, on: date)
                #expect(again.kind == .enrolment)
            } catch {
                Issue.record("enrolling after a withdrawal failed: \(error)")
            }
        }
    }
}
