import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

/// Evidence with no assessor is never an assessed performance occasion, whatever its method
/// (recognition of prior learning and credit transfer included): README, "Evidence with no assessor".
@Suite struct EngineUnassessedOccasionTests {
    /// One evidence entry: method (index into every method), target, outcome, day after 2025-01-01, assessed or not.
    struct Spec: Sendable {
        var method: Int
        var target: Int
        var satisfactory: Bool
        var day: Int
        var assessed: Bool
    }

    static let methods = EvidenceMethod.allCases
    static let targets: [EvidenceTarget] = [.unit, .element(1), .element(2), .criterion("1.1"), .knowledge("K1")]
    static let spec = zip(
        Gen.int(in: 0...(methods.count - 1)), Gen.int(in: 0...(targets.count - 1)), Gen.bool, Gen.int(in: 0...60), Gen.bool
    ).map { Spec(method: $0.0, target: $0.1, satisfactory: $0.2, day: $0.3, assessed: $0.4) }

    static func entries(_ specs: [Spec], ref: CurriculumRef) -> [LedgerEntry] {
        let start = engineDate("2025-01-01")
        var entries = [LedgerEntry(kind: .enrolment, trainee: EngineFixture.trainee, curriculum: ref, date: start, sequence: 1)]
        for spec in specs {
            entries.append(
                LedgerEntry(
                    kind: .evidence, trainee: EngineFixture.trainee, curriculum: ref, date: start.adding(days: spec.day),
                    unit: UnitCode("U1"), target: targets[spec.target], method: methods[spec.method],
                    outcome: spec.satisfactory ? .satisfactory : .notYet, assessor: spec.assessed ? AssessorID("A-1") : nil,
                    sequence: Int64(entries.count + 1)))
        }
        return entries
    }

    static func unit(_ entries: [LedgerEntry], in curriculum: Curriculum) -> UnitStatus? {
        CompetencyEngine.status(
            of: EngineFixture.trainee, in: curriculum, ref: EngineFixture.ref(curriculum), entries: entries, asOf: engineDate("2025-06-01")
        ).units.first { $0.unit == UnitCode("U1") }
    }

    /// Only unassessed evidence, of every method, target and outcome: no occasion, so a unit that
    /// requires occasions is never evidence-complete.
    @Test func unassessedEvidenceOfAnyMethodIsNoOccasion() async throws {
        let curriculum = try EngineFixture.oneUnit(occasions: 2)
        let ref = EngineFixture.ref(curriculum)
        await propertyCheck(count: 300, input: Self.spec.array(of: 0...30)) { specs in
            let unassessed = specs.map {
                Spec(method: $0.method, target: $0.target, satisfactory: $0.satisfactory, day: $0.day, assessed: false)
            }
            let unit = Self.unit(Self.entries(unassessed, ref: ref), in: curriculum)
            #expect(unit?.occasions == 0)
            #expect(unit?.state != .evidenceComplete && unit?.state != .signedOff)
            #expect(unit?.missing.last == "2 more performance occasions on different dates")
        }
    }

    /// Adding unassessed evidence of any method to any ledger never adds an occasion.
    @Test func addingUnassessedEvidenceNeverAddsAnOccasion() async throws {
        let curriculum = try EngineFixture.oneUnit(occasions: 3)
        let ref = EngineFixture.ref(curriculum)
        await propertyCheck(count: 300, input: Self.spec.array(of: 0...20), Self.spec.array(of: 1...10)) { base, extra in
            let before = Self.unit(Self.entries(base, ref: ref), in: curriculum)
            let unassessed = extra.map {
                Spec(method: $0.method, target: $0.target, satisfactory: $0.satisfactory, day: $0.day, assessed: false)
            }
            let after = Self.unit(Self.entries(base + unassessed, ref: ref), in: curriculum)
            #expect(after?.occasions == before?.occasions)
        }
    }

    /// Each method alone, every one of them: satisfactory whole-unit evidence on two dates with no
    /// assessor leaves both occasions missing; with an assessor, the methods that show performance
    /// or recognise prior competence meet them.
    @Test(arguments: EvidenceMethod.allCases) func everyMethodNeedsAnAssessorForOccasions(method: EvidenceMethod) throws {
        let curriculum = try EngineFixture.oneUnit(occasions: 2)
        let ref = EngineFixture.ref(curriculum)
        let index = try #require(Self.methods.firstIndex(of: method))
        let days = [0, 7]
        let unassessed = days.map { Spec(method: index, target: 0, satisfactory: true, day: $0, assessed: false) }
        #expect(Self.unit(Self.entries(unassessed, ref: ref), in: curriculum)?.occasions == 0)
        let assessed = days.map { Spec(method: index, target: 0, satisfactory: true, day: $0, assessed: true) }
        let counts = method.showsPerformance || method.recognisesPriorCompetence
        #expect(Self.unit(Self.entries(assessed, ref: ref), in: curriculum)?.occasions == (counts ? 2 : 0))
    }
}
