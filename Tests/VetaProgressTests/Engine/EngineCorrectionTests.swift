import Testing
import VetaCurricula
import VetaProgress

@Suite struct EngineCorrectionTests {
    @Test func correctedEvidenceNoLongerCounts() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let mistaken = ledger.evidence("U1", .unit, on: "2025-03-01", minutes: 60)
        ledger.correct(mistaken, on: "2025-03-05")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .notStarted)
        #expect(unit.criteriaCovered == 0)
        #expect(ledger.status(in: curriculum, asOf: "2025-06-01").minutesRecorded == 0)
    }

    @Test func correctionDatedAfterAsOfDoesNotVoidYet() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let mistaken = ledger.evidence("U1", .unit, on: "2025-03-01")
        ledger.correct(mistaken, on: "2025-05-01")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-04-01").criteriaCovered == 3)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-05-01").criteriaCovered == 0)
    }

    @Test func correctedSignOffNoLongerSignsOff() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01")
        let signOff = ledger.signOff("U1", on: "2025-03-10")
        ledger.correct(signOff, on: "2025-03-11")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.units.first?.state == .evidenceComplete)
        #expect(status.units.first?.signedOffOn == nil)
        #expect(!status.packagingSatisfied)
    }

    @Test func correctedWithdrawalNoLongerWithdraws() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-01-10")
        let withdrawal = ledger.withdraw(on: "2025-02-01")
        #expect(ledger.status(in: curriculum, asOf: "2025-02-02").withdrawnOn == engineDate("2025-02-01"))
        ledger.correct(withdrawal, on: "2025-02-03")
        let status = ledger.status(in: curriculum, asOf: "2025-02-03")
        #expect(status.withdrawnOn == nil)
        #expect(status.enrolledOn == engineDate("2025-01-10"))
    }

    @Test func correctionOfACorrectionReinstatesTheEntry() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let evidence = ledger.evidence("U1", .unit, on: "2025-03-01")
        let correction = ledger.correct(evidence, on: "2025-03-02")
        ledger.correct(correction, on: "2025-03-03")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-02").criteriaCovered == 0)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-06-01").criteriaCovered == 3)
        #expect(CompetencyEngine.voidedSequences(ledger.entries, asOf: engineDate("2025-06-01")) == [correction])
    }

    @Test func voidedSequencesOnlyCountsCorrectionsUpToTheDate() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let first = ledger.evidence("U1", .unit, on: "2025-03-01")
        let second = ledger.evidence("U1", .unit, on: "2025-03-02")
        ledger.correct(first, on: "2025-03-10")
        ledger.correct(second, on: "2025-03-20")
        #expect(CompetencyEngine.voidedSequences(ledger.entries, asOf: engineDate("2025-03-09")).isEmpty)
        #expect(CompetencyEngine.voidedSequences(ledger.entries, asOf: engineDate("2025-03-10")) == [first])
        #expect(CompetencyEngine.voidedSequences(ledger.entries, asOf: engineDate("2025-03-20")) == [first, second])
    }

    @Test func entriesOfOtherTraineesAndCurriculaAreIgnored() throws {
        let curriculum = try EngineFixture.oneUnit()
        var other = EngineLedger(curriculum, trainee: TraineeID("T-002"))
        other.complete("U1", from: "2025-03-01")
        other.signOff("U1", on: "2025-03-10")
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .criterion("1.1"), on: "2025-03-01")
        var entries = ledger.entries + other.entries
        var otherVersion = ledger.entries[0]
        otherVersion.curriculum = CurriculumRef(code: curriculum.code, version: SemanticVersion(major: 2, minor: 0, patch: 0))
        otherVersion.target = .unit
        entries.append(otherVersion)
        let status = CompetencyEngine.status(
            of: EngineFixture.trainee, in: curriculum, ref: ledger.ref, entries: entries, asOf: engineDate("2025-06-01"))
        #expect(status.units.first?.criteriaCovered == 1)
        #expect(status.units.first?.state == .inProgress)
    }

    @Test func entriesDatedAfterAsOfAreIgnored() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-01-10")
        ledger.complete("U1", from: "2025-03-01")
        ledger.signOff("U1", on: "2025-03-10")
        #expect(ledger.status(in: curriculum, asOf: "2025-01-09").enrolledOn == nil)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-02-28").state == .notStarted)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-01").state == .inProgress)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-02").state == .evidenceComplete)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-10").state == .signedOff)
    }
}
