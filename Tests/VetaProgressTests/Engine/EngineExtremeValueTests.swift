import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

/// The competency engine's answers for curricula whose numbers are as large (or small) as an `Int` can be.
///
/// The schema bounds some of these numbers and leaves others (occasions, totalUnits, group minimums)
/// unbounded, and a stored curriculum or entry may carry anything; the engine must answer, not trap.
@Suite struct EngineExtremeValueTests {
    static let extremes = [0, 1, 2, 120, 1000, Int.max - 1, Int.max, -1, Int.min]
    static let extreme = Gen.int(in: 0...(extremes.count - 1)).map { extremes[$0] }

    /// ``EngineRandomLedger/curriculum`` with every count in the model set to the values given, by key.
    static func curriculum(_ values: [String: Int]) throws -> Curriculum {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(EngineRandomLedger.curriculum))
        func replace(_ object: Any) -> Any {
            if let dictionary = object as? [String: Any] {
                var copy: [String: Any] = [:]
                for (key, value) in dictionary { copy[key] = values[key].map { NSNumber(value: $0) } ?? replace(value) }
                return copy
            }
            if let array = object as? [Any] { return array.map(replace) }
            return object
        }
        let data = try JSONSerialization.data(withJSONObject: replace(json))
        return try JSONDecoder().decode(Curriculum.self, from: data)
    }

    @Test func theEngineNeverTrapsWhateverTheCurriculumsCountsAre() async throws {
        let extreme = Self.extreme
        let counts = zip(extreme, extreme, extreme, extreme, extreme, extreme, extreme, extreme)
        await propertyCheck(
            count: 400, input: counts, EngineEntrySpec.generator.array(of: 0...30), Gen.int(in: 0...1000), extreme
        ) { counts, specs, asOf, minutes in
            let keys = [
                "occasions", "hours", "volumeOfLearningHours", "validityMonths", "refresherHours", "totalUnits", "minimum",
                "maximum",
            ]
            let values = [counts.0, counts.1, counts.2, counts.3, counts.4, counts.5, counts.6, counts.7]
            guard let curriculum = try? Self.curriculum(Dictionary(uniqueKeysWithValues: zip(keys, values))) else {
                Issue.record("the curriculum with \(values) does not round-trip through JSON")
                return
            }
            #expect(curriculum.units.first?.performanceEvidence.occasions == counts.0)
            var entries = EngineRandomLedger.entries(specs)
            for index in entries.indices where entries[index].kind == .evidence { entries[index].minutes = minutes }
            let date = EngineRandomLedger.start.adding(days: asOf)
            let status = CompetencyEngine.status(
                of: EngineFixture.trainee, in: curriculum, ref: EngineRandomLedger.ref, entries: entries, asOf: date)
            #expect((0...100).contains(status.percentComplete))
            for unit in status.units {
                #expect((0...1).contains(unit.fractionComplete))
                #expect(unit.expiresOn.map { $0 <= CalendarDate.latest } ?? true)
            }
            for within in [0, 3650, Int.max] {
                _ = CompetencyEngine.due([status], asOf: date, within: within)
            }
            for unit in EngineRandomLedger.units {
                _ = CompetencyEngine.signOffProblems(
                    unit: unit, trainee: EngineFixture.trainee, in: curriculum, ref: EngineRandomLedger.ref, entries: entries,
                    on: date)
            }
        }
    }

    @Test func aUnitNeedingIntMaxOccasionsIsInProgressAfterOneAndSaysHowManyAreMissing() throws {
        let curriculum = try Self.curriculum(["occasions": Int.max])
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2026-11-01")
        ledger.evidence("U1", .unit, on: "2026-11-20")
        let unit = try ledger.unit("U1", in: curriculum, asOf: "2026-11-30")
        #expect(unit.state == .inProgress)
        #expect(unit.fractionComplete < 0.99)
        #expect(unit.missing.contains("\(Int.max - 1) more performance occasions on different dates"))
    }

    @Test func movingADateBeyondYear9999StopsAtTheLatestDateAndBeforeYear1AtTheEarliest() async {
        await propertyCheck(count: 300, input: Self.extreme, Gen.int(in: 0...3_000_000)) { amount, start in
            let date = CalendarDate.earliest.adding(days: start)
            for moved in [date.adding(months: amount), date.adding(days: amount)] {
                #expect(CalendarDate.earliest <= moved && moved <= CalendarDate.latest)
                #expect(CalendarDate(moved.description) == moved, "\(moved) is not a real date")
            }
        }
        #expect(CalendarDate.latest.adding(days: 1) == .latest)
        #expect(CalendarDate.earliest.adding(months: -1) == .earliest)
        #expect(engineDate("2026-01-31").adding(months: 1) == engineDate("2026-02-28"))
    }
}
