import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

/// The rules of corrections and provenance, as the engine applies them.
@Suite struct EngineProvenanceTests {
    /// One random entry of a provenance chain: 0 original evidence (version 1), 1 evidence carried to
    /// version 2 from an earlier evidence entry, 2–3 a correction of any earlier entry (corrections included).
    struct Spec: Sendable {
        var kind: Int
        var pick: Int
        var day: Int
        static let generator = zip(Gen.int(in: 0...3), Gen.int(in: 0...1000), Gen.int(in: 0...30)).map {
            Spec(kind: $0.0, pick: $0.1, day: $0.2)
        }
    }

    static let start = engineDate("2025-01-01")

    static func entries(_ specs: [Spec], curriculum: Curriculum) -> [LedgerEntry] {
        let first = EngineFixture.ref(curriculum)
        let second = CurriculumRef(code: curriculum.code, version: SemanticVersion(major: 2, minor: 0, patch: 0))
        var entries: [LedgerEntry] = []
        for spec in specs {
            let sequence = Int64(entries.count + 1)
            var entry = LedgerEntry(
                kind: .evidence, trainee: EngineFixture.trainee, curriculum: first, date: start.adding(days: spec.day),
                unit: UnitCode("U1"),
                target: .criterion("1.1"), method: .observation, outcome: .satisfactory, minutes: Int(sequence),
                assessor: AssessorID("A-1"),
                sequence: sequence)
            let evidence = entries.filter { $0.kind == .evidence }
            if spec.kind == 1, !evidence.isEmpty {
                entry.curriculum = second
                entry.derivedFrom = evidence[spec.pick % evidence.count].sequence
            } else if spec.kind >= 2, !entries.isEmpty {
                entry = LedgerEntry(
                    kind: .correction, trainee: EngineFixture.trainee, curriculum: first, date: start.adding(days: spec.day),
                    note: "random", corrects: Int64(spec.pick % entries.count) + 1, sequence: sequence)
            }
            entries.append(entry)
        }
        return entries
    }

    /// The rule, written out recursively: a correction in force voids what it names; a correction is
    /// in force unless voided; an entry derived from a voided one is voided.
    static func reference(_ entries: [LedgerEntry], asOf: CalendarDate) -> Set<Int64> {
        let bySequence = Dictionary(uniqueKeysWithValues: entries.map { ($0.sequence, $0) })
        func directlyVoided(_ sequence: Int64) -> Bool {
            entries.contains {
                $0.kind == .correction && $0.corrects == sequence && $0.sequence > sequence && $0.date <= asOf && !voided($0.sequence)
            }
        }
        func voided(_ sequence: Int64) -> Bool {
            if directlyVoided(sequence) { return true }
            guard let origin = bySequence[sequence]?.derivedFrom else { return false }
            return voided(origin)
        }
        return Set(entries.map(\.sequence).filter(voided))
    }

    @Test func voidingIsTransitiveAlongProvenance() async throws {
        let curriculum = try EngineFixture.oneUnit()
        let second = CurriculumRef(code: curriculum.code, version: SemanticVersion(major: 2, minor: 0, patch: 0))
        await propertyCheck(count: 300, input: Spec.generator.array(of: 1...30), Gen.int(in: 0...31)) { specs, day in
            let entries = Self.entries(specs, curriculum: curriculum)
            let asOf = Self.start.adding(days: day)
            let voided = CompetencyEngine.voidedSequences(entries, asOf: asOf)
            #expect(voided == Self.reference(entries, asOf: asOf))
            // Everything derived from a voided entry is voided, however long the chain.
            for entry in entries {
                if let origin = entry.derivedFrom, voided.contains(origin) { #expect(voided.contains(entry.sequence)) }
            }
            // What counts in the version evidence was carried to is exactly what is not voided.
            let status = CompetencyEngine.status(of: EngineFixture.trainee, in: curriculum, ref: second, entries: entries, asOf: .latest)
            let expected = entries.filter {
                $0.kind == .evidence && $0.curriculum == second
                    && !CompetencyEngine.voidedSequences(entries, asOf: .latest).contains($0.sequence)
            }.reduce(0) { $0 + ($1.minutes ?? 0) }
            #expect(status.minutesRecorded == expected)
        }
    }

    @Test func evidenceCarriedToANewVersionStopsCountingWhenTheOriginalIsVoided() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let original = ledger.evidence("U1", .unit, on: "2025-03-01")
        ledger.correct(original, on: "2025-04-01")
        var entries = ledger.entries
        let second = CurriculumRef(code: curriculum.code, version: SemanticVersion(major: 1, minor: 0, patch: 1))
        var carried = entries[0]
        carried.sequence = 3
        carried.curriculum = second
        carried.derivedFrom = original
        entries.insert(carried, at: 1)
        let before = CompetencyEngine.status(
            of: EngineFixture.trainee, in: curriculum, ref: second, entries: entries, asOf: engineDate("2025-03-15"))
        let after = CompetencyEngine.status(
            of: EngineFixture.trainee, in: curriculum, ref: second, entries: entries, asOf: engineDate("2025-04-01"))
        #expect(before.units.first?.criteriaCovered == 3)
        #expect(after.units.first?.criteriaCovered == 0)
        let cause = Voiding(entries, asOf: .latest).causes[3]
        #expect(cause?.entry == original && cause?.correction == 2 && cause?.date == engineDate("2025-04-01"))
    }

    @Test func aSignOffRestingOnVoidedEvidenceCountsNowhere() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let first = ledger.evidence("U1", .unit, on: "2025-03-01")
        ledger.evidence("U1", .unit, on: "2025-03-02")
        ledger.signOff("U1", on: "2025-03-10")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-06-01").state == .signedOff)
        ledger.correct(first, on: "2025-04-01")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2025-06-01")
        #expect(unit.state == .inProgress)
        #expect(unit.signedOffOn == nil)
        #expect(
            CompetencyEngine.signOffsInForce(
                of: ledger.trainee, in: curriculum, ref: ledger.ref, entries: ledger.entries, asOf: engineDate("2025-06-01")
            ).isEmpty)
    }

    @Test func aSignOffWhoseVoidedEvidenceItDidNotNeedStillCounts() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01")
        let spare = ledger.evidence("U1", .criterion("1.1"), on: "2025-03-03")
        ledger.signOff("U1", on: "2025-03-10")
        ledger.correct(spare, on: "2025-04-01")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-06-01").state == .signedOff)
    }

    @Test func aVoidedSignOffCountsNowhereNotEvenForItsAssessor() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01")
        let signOff = ledger.signOff("U1", on: "2025-03-10")
        ledger.correct(signOff, on: "2025-03-11")
        let inForce = CompetencyEngine.signOffsInForce(
            of: ledger.trainee, in: curriculum, ref: ledger.ref, entries: ledger.entries, asOf: engineDate("2025-06-01"))
        #expect(inForce.isEmpty)
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2025-03-12").isEmpty)
    }

    @Test func aCorrectionOfAReinstatementVoidsTheEntryAgain() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let evidence = ledger.evidence("U1", .unit, on: "2025-03-01")
        let correction = ledger.correct(evidence, on: "2025-03-02")
        let reinstatement = ledger.correct(correction, on: "2025-03-03")
        ledger.correct(reinstatement, on: "2025-03-04")
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-03").criteriaCovered == 3)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-03-04").criteriaCovered == 0)
    }

    @Test func aUnitSignedOffAndNotExpiredCannotBeSignedOffAgain() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01")
        ledger.signOff("U1", on: "2025-03-10")
        let problems = ledger.signOffProblems("U1", in: curriculum, on: "2030-01-01")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("already signed off on 2025-03-10") == true)
    }

    @Test func aUnitSignedOffCanBeSignedOffAgainOnceExpired() throws {
        let curriculum = try EngineFixture.oneUnit(recertificationMonths: 12)
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01")
        ledger.signOff("U1", on: "2025-03-10")
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2026-03-09").first?.contains("expires on 2026-03-10") == true)
        #expect(ledger.signOffProblems("U1", in: curriculum, on: "2026-03-10").isEmpty)
    }

    @Test func evidenceWithNoAssessorIsNeverAnAssessedPerformanceOccasion() throws {
        let curriculum = try EngineFixture.oneUnit(occasions: 1)
        var ledger = EngineLedger(curriculum)
        ledger.evidence("U1", .unit, on: "2025-03-01")
        var entries = ledger.entries
        entries[0].assessor = nil
        let unassessed = CompetencyEngine.status(
            of: ledger.trainee, in: curriculum, ref: ledger.ref, entries: entries, asOf: engineDate("2025-06-01"))
        #expect(unassessed.units.first?.occasions == 0)
        #expect(unassessed.units.first?.state == .inProgress)
        #expect(try ledger.unit("U1", in: curriculum, asOf: "2025-06-01").occasions == 1)
    }
}
