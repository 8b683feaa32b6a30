import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

/// Voiding is transitive along prerequisites: a sign-off given while a prerequisite had a sign-off
/// that no longer counts (voided, or left without evidence) counts nowhere, down the whole chain,
/// unless another prerequisite sign-off that still counts came before it.
@Suite struct EnginePrerequisiteVoidingTests {
    /// U1 ← U2 ← U3: U2 requires U1, U3 requires U2; each unit is complete with one whole-unit observation.
    static func chain() throws -> Curriculum {
        try EngineFixture.curriculum(
            EngineCurriculumXML(
                units: [.init(code: "U1"), .init(code: "U2", prerequisites: ["U1"]), .init(code: "U3", prerequisites: ["U2"])]))
    }

    static func inForce(_ ledger: EngineLedger, _ curriculum: Curriculum) -> [UnitCode: Int64] {
        CompetencyEngine.signOffsInForce(
            of: ledger.trainee, in: curriculum, ref: ledger.ref, entries: ledger.entries, asOf: engineDate("2025-12-31")
        ).mapValues(\.sequence)
    }

    @Test func aVoidedPrerequisiteSignOffTakesTheSignOffsThatRequiredItWithIt() throws {
        let curriculum = try Self.chain()
        var ledger = EngineLedger(curriculum)
        for unit in ["U1", "U2", "U3"] { ledger.complete(unit, from: "2025-03-01", occasions: 1) }
        let first = ledger.signOff("U1", on: "2025-03-10")
        ledger.signOff("U2", on: "2025-03-11")
        ledger.signOff("U3", on: "2025-03-12")
        #expect(Self.inForce(ledger, curriculum).count == 3)
        ledger.correct(first, on: "2025-04-01")
        #expect(Self.inForce(ledger, curriculum).isEmpty)
        #expect(try ledger.unit("U3", in: curriculum, asOf: "2025-12-31").state == .evidenceComplete)
        // Signing U1 off again does not bring back sign-offs given before it: U2 and U3 are signed off anew.
        ledger.signOff("U1", on: "2025-04-02")
        #expect(Set(Self.inForce(ledger, curriculum).keys) == [UnitCode("U1")])
        #expect(ledger.signOffProblems("U2", in: curriculum, on: "2025-04-03").isEmpty)
    }

    @Test func aPrerequisiteSignOffLeftWithoutEvidenceTakesTheSignOffsThatRequiredItWithIt() throws {
        let curriculum = try Self.chain()
        var ledger = EngineLedger(curriculum)
        let evidence = ledger.evidence("U1", .unit, on: "2025-03-01")
        ledger.complete("U2", from: "2025-03-01", occasions: 1)
        ledger.signOff("U1", on: "2025-03-10")
        ledger.signOff("U2", on: "2025-03-11")
        ledger.correct(evidence, on: "2025-04-01")
        #expect(Self.inForce(ledger, curriculum).isEmpty)
        // As of a date before the correction, both counted.
        #expect(try ledger.unit("U2", in: curriculum, asOf: "2025-03-31").state == .signedOff)
    }

    @Test func aSignOffStillCountsWhenAnotherPrerequisiteSignOffBeforeItRemains() throws {
        let curriculum = try Self.chain()
        var ledger = EngineLedger(curriculum)
        ledger.complete("U1", from: "2025-03-01", occasions: 1)
        ledger.complete("U2", from: "2025-03-01", occasions: 1)
        ledger.signOff("U1", on: "2025-03-09")
        let second = ledger.signOff("U1", on: "2025-03-10")
        ledger.signOff("U2", on: "2025-03-11")
        ledger.correct(second, on: "2025-04-01")
        #expect(Set(Self.inForce(ledger, curriculum).keys) == [UnitCode("U1"), UnitCode("U2")])
    }

    /// One random step after every unit's evidence: 0 a sign-off of a random unit, 1 a correction of any earlier entry.
    struct Step: Sendable {
        var kind: Int
        var pick: Int
        var day: Int
        static let generator = zip(Gen.int(in: 0...1), Gen.int(in: 0...1000), Gen.int(in: 0...20)).map {
            Step(kind: $0.0, pick: $0.1, day: $0.2)
        }
    }

    /// The rule, written out recursively: a sign-off counts when it is not voided, rests on its
    /// evidence (here: if any of its unit's evidence before it is voided, some is left), and for each
    /// prerequisite either no sign-off of it before this one stopped counting or one that counts remains.
    static func reference(_ entries: [LedgerEntry], curriculum: Curriculum) -> [UnitCode: Int64] {
        let voided = CompetencyEngine.voidedSequences(entries, asOf: .latest)
        func before(_ entry: LedgerEntry, _ signOff: LedgerEntry) -> Bool {
            entry.sequence < signOff.sequence && entry.date <= signOff.date
        }
        func counts(_ signOff: LedgerEntry) -> Bool {
            guard !voided.contains(signOff.sequence), let code = signOff.unit else { return false }
            let evidence = entries.filter { $0.kind == .evidence && $0.unit == code && before($0, signOff) }
            if evidence.contains(where: { voided.contains($0.sequence) }), evidence.allSatisfy({ voided.contains($0.sequence) }) {
                return false
            }
            for prerequisite in curriculum.unit(code)?.prerequisites ?? [] {
                let earlier = entries.filter { $0.kind == .signOff && $0.unit == prerequisite.code && before($0, signOff) }
                if earlier.contains(where: { !counts($0) }), !earlier.contains(where: counts) { return false }
            }
            return true
        }
        var result: [UnitCode: LedgerEntry] = [:]
        for signOff in entries where signOff.kind == .signOff && counts(signOff) {
            guard let code = signOff.unit else { continue }
            if let current = result[code], (current.date, current.sequence) > (signOff.date, signOff.sequence) { continue }
            result[code] = signOff
        }
        return result.mapValues(\.sequence)
    }

    @Test func voidingIsTransitiveAlongPrerequisites() async throws {
        let curriculum = try Self.chain()
        await propertyCheck(count: 300, input: Step.generator.array(of: 1...25)) { steps in
            var ledger = EngineLedger(curriculum)
            for unit in ["U1", "U2", "U3"] { ledger.evidence(unit, .unit, on: "2025-01-01") }
            for step in steps {
                let date = engineDate("2025-01-02").adding(days: step.day).description
                if step.kind == 0 {
                    ledger.signOff(["U1", "U2", "U3"][step.pick % 3], on: date)
                } else {
                    ledger.correct(Int64(step.pick % ledger.entries.count) + 1, on: date)
                }
            }
            #expect(Self.inForce(ledger, curriculum) == Self.reference(ledger.entries, curriculum: curriculum))
        }
    }
}
