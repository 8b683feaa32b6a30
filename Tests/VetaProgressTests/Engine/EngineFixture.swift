import Testing
import VetaCurricula
import VetaProgress

/// Curricula and ledgers for the competency engine's tests.
enum EngineFixture {
    /// One validator for the whole test run: compiling the schema once is what the CLI does too.
    static let validator: CurriculumValidator = {
        do {
            return try CurriculumValidator()
        } catch {
            fatalError("the bundled schema does not compile: \(error)")
        }
    }()

    /// The trainee most tests follow.
    static let trainee = TraineeID("T-001")

    /// Validates the XML and returns its curriculum; records an issue if it has any error.
    static func curriculum(_ xml: EngineCurriculumXML, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Curriculum {
        let result = validator.validate(Array(xml.text.utf8), path: "t.xml")
        #expect(!result.hasErrors, "fixture curriculum has errors: \(result.diagnostics)", sourceLocation: sourceLocation)
        return try #require(result.curriculum, sourceLocation: sourceLocation)
    }

    /// A curriculum with one unit `U1`: element 1 has criteria 1.1 and 1.2, element 2 has 2.1; knowledge K1 and K2.
    static func oneUnit(occasions: Int = 2, recertificationMonths: Int? = nil) throws -> Curriculum {
        try curriculum(
            EngineCurriculumXML(
                units: [
                    .init(code: "U1", elements: [(1, ["1.1", "1.2"]), (2, ["2.1"])], occasions: occasions, knowledgeIDs: ["K1", "K2"])
                ],
                recertification: recertificationMonths.map { ($0, nil) }))
    }

    /// The reference the ledger uses for a curriculum.
    static func ref(_ curriculum: Curriculum) -> CurriculumRef {
        CurriculumRef(code: curriculum.code, version: curriculum.version)
    }
}

/// Parses `YYYY-MM-DD`; a bad literal stops the test run, since it is a mistake in the test itself.
func engineDate(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(text) else { preconditionFailure("not a date: \(text)") }
    return date
}

/// Builds a ledger for one trainee and curriculum, numbering entries from 1 in the order they are added.
struct EngineLedger {
    let ref: CurriculumRef
    var trainee = EngineFixture.trainee
    private(set) var entries: [LedgerEntry] = []

    init(_ curriculum: Curriculum, trainee: TraineeID = EngineFixture.trainee) {
        self.ref = EngineFixture.ref(curriculum)
        self.trainee = trainee
    }

    /// Appends an entry and returns its sequence.
    @discardableResult
    mutating func append(
        _ kind: LedgerEntry.Kind, on date: String, unit: String? = nil, target: EvidenceTarget? = nil,
        method: EvidenceMethod? = nil, outcome: Outcome? = nil, minutes: Int? = nil, corrects: Int64? = nil
    ) -> Int64 {
        let sequence = Int64(entries.count + 1)
        entries.append(
            LedgerEntry(
                kind: kind, trainee: trainee, curriculum: ref, date: engineDate(date), unit: unit.map(UnitCode.init),
                target: target, method: method, outcome: outcome, minutes: minutes, assessor: AssessorID("A-1"),
                corrects: corrects, sequence: sequence))
        return sequence
    }

    @discardableResult
    mutating func enrol(on date: String) -> Int64 { append(.enrolment, on: date) }

    @discardableResult
    mutating func withdraw(on date: String) -> Int64 { append(.withdrawal, on: date) }

    @discardableResult
    mutating func evidence(
        _ unit: String, _ target: EvidenceTarget, on date: String, method: EvidenceMethod = .observation,
        outcome: Outcome = .satisfactory, minutes: Int? = nil
    ) -> Int64 {
        append(.evidence, on: date, unit: unit, target: target, method: method, outcome: outcome, minutes: minutes)
    }

    @discardableResult
    mutating func signOff(_ unit: String, on date: String) -> Int64 { append(.signOff, on: date, unit: unit) }

    @discardableResult
    mutating func correct(_ sequence: Int64, on date: String) -> Int64 { append(.correction, on: date, corrects: sequence) }

    /// Evidence that completes `unit` of ``EngineFixture/oneUnit(occasions:recertificationMonths:)``-shaped units:
    /// the whole unit observed on `occasions` consecutive days from `date`.
    mutating func complete(_ unit: String, from date: String, occasions: Int = 2) {
        for offset in 0..<occasions {
            evidence(unit, .unit, on: engineDate(date).adding(days: offset).description)
        }
    }

    func status(in curriculum: Curriculum, asOf date: String) -> EnrolmentStatus {
        CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: engineDate(date))
    }

    func unit(_ code: String, in curriculum: Curriculum, asOf date: String) throws -> UnitStatus {
        try #require(status(in: curriculum, asOf: date).units.first { $0.unit == UnitCode(code) })
    }

    func signOffProblems(_ unit: String, in curriculum: Curriculum, on date: String) -> [String] {
        CompetencyEngine.signOffProblems(
            unit: UnitCode(unit), trainee: trainee, in: curriculum, ref: ref, entries: entries, on: engineDate(date))
    }
}

/// Paths inside the package, found from this source file so tests do not depend on the working directory.
enum EngineRepository {
    static func path(_ relative: String) -> String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/VetaProgressTests/Engine/<file>
        return (parts + [Substring(relative)]).joined(separator: "/")
    }
}
