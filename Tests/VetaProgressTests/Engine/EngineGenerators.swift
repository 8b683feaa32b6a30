import PropertyBased
import VetaCurricula
import VetaProgress

/// One random ledger entry, as small numbers a generator can shrink; ``EngineRandomLedger`` turns them into entries.
struct EngineEntrySpec: Sendable {
    /// 0–5 evidence, 6 sign-off, 7 correction, 8 enrolment, 9 withdrawal.
    var kind: Int
    var unit: Int
    var target: Int
    var method: Int
    var satisfactory: Bool
    var day: Int
    var corrects: Int

    static let generator = zip(
        Gen.int(in: 0...9), Gen.int(in: 0...3), Gen.int(in: 0...7), Gen.int(in: 0...7), Gen.bool, Gen.int(in: 0...900),
        Gen.int(in: 0...60)
    ).map { EngineEntrySpec(kind: $0.0, unit: $0.1, target: $0.2, method: $0.3, satisfactory: $0.4, day: $0.5, corrects: $0.6) }

    /// Evidence only, always satisfactory.
    static let satisfactoryEvidence = zip(Gen.int(in: 0...3), Gen.int(in: 0...7), Gen.int(in: 0...7), Gen.int(in: 0...900)).map {
        EngineEntrySpec(kind: 0, unit: $0.0, target: $0.1, method: $0.2, satisfactory: true, day: $0.3, corrects: 0)
    }
}

/// Turns specs into ledger entries over ``curriculum``: U1 (3 criteria, 2 knowledge items, 2 occasions),
/// U2 requiring U1, and electives E1 and E2 (one of them needed), valid for 12 months with refresher hours.
enum EngineRandomLedger {
    static let curriculum: Curriculum = {
        let xml = EngineCurriculumXML(
            units: [
                .init(code: "U1", elements: [(1, ["1.1", "1.2"]), (2, ["2.1"])], occasions: 2, knowledgeIDs: ["K1", "K2"]),
                .init(code: "U2", prerequisites: ["U1"]), .init(code: "E1"), .init(code: "E2", occasions: 2),
            ],
            totalUnits: 3, core: ["U1", "U2"], groups: [.init(id: "A", minimum: 1, maximum: 1, units: ["E1", "E2"])],
            recertification: (12, 8))
        guard let curriculum = EngineFixture.validator.validate(Array(xml.text.utf8), path: "random.xml").curriculum else {
            fatalError("the random-ledger curriculum is not valid")
        }
        return curriculum
    }()
    static let ref = EngineFixture.ref(curriculum)
    static let start = engineDate("2024-01-01")
    static let units = ["U1", "U2", "E1", "E2"].map(UnitCode.init)
    static let targets: [EvidenceTarget] = [
        .criterion("1.1"), .criterion("1.2"), .criterion("2.1"), .element(1), .element(2), .knowledge("K1"), .knowledge("K2"), .unit,
    ]

    /// The entry for `spec` at position `sequence` (from 1).
    static func entry(_ spec: EngineEntrySpec, sequence: Int64) -> LedgerEntry {
        var entry = LedgerEntry(
            kind: .evidence, trainee: EngineFixture.trainee, curriculum: ref, date: start.adding(days: spec.day),
            sequence: sequence)
        switch spec.kind {
        case 6:
            entry.kind = .signOff
            entry.unit = units[spec.unit]
        case 7:
            entry.kind = .correction
            entry.corrects = Int64(spec.corrects) % sequence + 1
        case 8: entry.kind = .enrolment
        case 9: entry.kind = .withdrawal
        default:
            entry.unit = units[spec.unit]
            entry.target = targets[spec.target]
            entry.method = EvidenceMethod.allCases[spec.method]
            entry.outcome = spec.satisfactory ? .satisfactory : .notYet
            entry.minutes = spec.day % 120
            entry.assessor = AssessorID("A-1")
        }
        return entry
    }

    static func entries(_ specs: [EngineEntrySpec]) -> [LedgerEntry] {
        specs.enumerated().map { entry($0.element, sequence: Int64($0.offset + 1)) }
    }

    static func status(_ entries: [LedgerEntry], asOf day: Int) -> EnrolmentStatus {
        CompetencyEngine.status(
            of: EngineFixture.trainee, in: curriculum, ref: ref, entries: entries, asOf: start.adding(days: day))
    }
}

/// A small seeded generator (SplitMix64), so a shuffle is reproducible from the seed a property check reports.
struct EngineSplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
