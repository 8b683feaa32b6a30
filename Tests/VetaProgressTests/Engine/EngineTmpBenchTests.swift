import Testing
import VetaCurricula
import VetaProgress

@Suite struct EngineTmpBenchTests {
    @Test func bench() throws {
        let path = EngineRepository.path("Curricula/operator-haul-truck.xml")
        let curriculum = try #require(try EngineFixture.validator.validate(fileAt: path).curriculum)
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2024-01-01")
        var i = 0
        while ledger.entries.count < 400 {
            for unit in curriculum.units {
                for element in unit.elements {
                    for c in element.criteria {
                        ledger.evidence(unit.code.rawValue, .criterion(c.number), on: engineDate("2024-01-01").adding(days: i % 300).description)
                        i += 1
                    }
                }
            }
        }
        let others = (0..<2000).map { n in
            var e = ledger.entries[n % ledger.entries.count]; e.trainee = TraineeID("X\(n)"); return e
        }
        let entries = ledger.entries + others
        let clock = ContinuousClock()
        let n = 200
        let t = clock.measure {
            for _ in 0..<n { _ = CompetencyEngine.status(of: EngineFixture.trainee, in: curriculum, ref: ledger.ref, entries: ledger.entries, asOf: engineDate("2025-06-01")) }
        }
        let t2 = clock.measure {
            for _ in 0..<n { _ = CompetencyEngine.status(of: EngineFixture.trainee, in: curriculum, ref: ledger.ref, entries: entries, asOf: engineDate("2025-06-01")) }
        }
        print("BENCH units \(curriculum.units.count) entries \(ledger.entries.count): \(t / n) per call; with 2000 others: \(t2 / n)")
    }
}
