import Testing
import VetaCurricula
import VetaProgress

@Suite struct EngineDueTests {
    /// Units U1 and U2, both core; validity 12 months and, when asked, 8 refresher hours.
    private func curriculum(refresherHours: Int? = nil) throws -> Curriculum {
        try EngineFixture.curriculum(
            EngineCurriculumXML(units: [.init(code: "U1"), .init(code: "U2")], recertification: (12, refresherHours)))
    }

    @Test func expiredAndExpiringSignOffsAreDueInDateOrder() throws {
        let curriculum = try curriculum()
        var first = EngineLedger(curriculum, trainee: TraineeID("T-B"))
        first.signOff("U1", on: "2024-05-01")
        first.signOff("U2", on: "2024-07-15")
        var second = EngineLedger(curriculum, trainee: TraineeID("T-A"))
        second.signOff("U2", on: "2024-07-15")
        second.signOff("U1", on: "2025-01-01")
        let statuses = [first.status(in: curriculum, asOf: "2025-06-01"), second.status(in: curriculum, asOf: "2025-06-01")]
        let items = CompetencyEngine.due(statuses, asOf: engineDate("2025-06-01"), within: 60)
        #expect(items.map(\.kind) == [.expired, .expiring, .expiring])
        #expect(items.map(\.date) == [engineDate("2025-05-01"), engineDate("2025-07-15"), engineDate("2025-07-15")])
        #expect(items.map(\.trainee.rawValue) == ["T-B", "T-A", "T-B"])
        #expect(items.map(\.unit) == [UnitCode("U1"), UnitCode("U2"), UnitCode("U2")])
    }

    @Test func signOffsExpiringAfterTheWindowAreNotDue() throws {
        let curriculum = try curriculum()
        var ledger = EngineLedger(curriculum)
        ledger.signOff("U1", on: "2025-01-01")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(CompetencyEngine.due([status], asOf: engineDate("2025-06-01"), within: 30).isEmpty)
        #expect(CompetencyEngine.due([status], asOf: engineDate("2025-06-01"), within: 214).map(\.kind) == [.expiring])
    }

    @Test func withdrawnEnrolmentsAreSkipped() throws {
        let curriculum = try curriculum()
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2024-01-01")
        ledger.signOff("U1", on: "2024-01-15")
        ledger.withdraw(on: "2024-06-01")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(CompetencyEngine.due([status], asOf: engineDate("2025-06-01"), within: 30).isEmpty)
    }

    @Test func refresherIsDueOncePerEnrolmentAtItsEarliestExpiry() throws {
        let curriculum = try curriculum(refresherHours: 8)
        var ledger = EngineLedger(curriculum)
        ledger.signOff("U1", on: "2024-07-01")
        ledger.signOff("U2", on: "2024-06-20")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.expiresOn == engineDate("2025-06-20"))
        let items = CompetencyEngine.due([status], asOf: engineDate("2025-06-01"), within: 45)
        #expect(items.map(\.kind) == [.refresherDue, .expiring, .expiring])
        #expect(items.map(\.unit) == [nil, UnitCode("U2"), UnitCode("U1")])
        #expect(items.first?.date == engineDate("2025-06-20"))
    }

    @Test func noRefresherIsDueWhenTheCurriculumSetsNoRefresherHours() throws {
        let curriculum = try curriculum()
        var ledger = EngineLedger(curriculum)
        ledger.signOff("U1", on: "2024-07-01")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        let items = CompetencyEngine.due([status], asOf: engineDate("2025-06-01"), within: 45)
        #expect(items.map(\.kind) == [.expiring])
    }
}
