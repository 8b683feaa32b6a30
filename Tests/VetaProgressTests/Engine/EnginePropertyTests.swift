import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

@Suite struct EnginePropertyTests {
    @Test func addingSatisfactoryEvidenceNeverLowersAUnitStateOrThePercentComplete() async {
        await propertyCheck(
            count: 300, input: EngineEntrySpec.generator.array(of: 0...40), EngineEntrySpec.satisfactoryEvidence, Gen.int(in: 0...1000)
        ) { specs, extra, asOf in
            let entries = EngineRandomLedger.entries(specs)
            let added = entries + [EngineRandomLedger.entry(extra, sequence: Int64(entries.count + 1))]
            let before = EngineRandomLedger.status(entries, asOf: asOf)
            let after = EngineRandomLedger.status(added, asOf: asOf)
            for (old, new) in zip(before.units, after.units) {
                #expect(new.state >= old.state, "\(old.unit): \(old.state) became \(new.state)")
                #expect(new.fractionComplete >= old.fractionComplete)
            }
            #expect(after.percentComplete >= before.percentComplete)
        }
    }

    @Test func shufflingTheEntriesDoesNotChangeTheStatus() async {
        await propertyCheck(
            count: 300, input: EngineEntrySpec.generator.array(of: 0...40), Gen.int(in: 0...Int.max), Gen.int(in: 0...1000)
        ) { specs, seed, asOf in
            let entries = EngineRandomLedger.entries(specs)
            var generator = EngineSplitMix(state: UInt64(seed))
            let shuffled = entries.shuffled(using: &generator)
            #expect(EngineRandomLedger.status(shuffled, asOf: asOf) == EngineRandomLedger.status(entries, asOf: asOf))
            let date = EngineRandomLedger.start.adding(days: asOf)
            #expect(CompetencyEngine.voidedSequences(shuffled, asOf: date) == CompetencyEngine.voidedSequences(entries, asOf: date))
        }
    }

    @Test func statusAsOfAPastDateEqualsTheStatusOfTheEntriesUpToThatDate() async {
        await propertyCheck(count: 300, input: EngineEntrySpec.generator.array(of: 0...40), Gen.int(in: 0...1000)) { specs, asOf in
            let entries = EngineRandomLedger.entries(specs)
            let date = EngineRandomLedger.start.adding(days: asOf)
            let earlier = entries.filter { $0.date <= date }
            #expect(EngineRandomLedger.status(entries, asOf: asOf) == EngineRandomLedger.status(earlier, asOf: asOf))
        }
    }

    @Test func percentCompleteReachesOneHundredOnlyWhenThePackagingIsSatisfied() async {
        await propertyCheck(count: 300, input: EngineEntrySpec.generator.array(of: 0...60), Gen.int(in: 0...1000)) { specs, asOf in
            let status = EngineRandomLedger.status(EngineRandomLedger.entries(specs), asOf: asOf)
            #expect((0...100).contains(status.percentComplete))
            #expect((status.percentComplete == 100) == status.packagingSatisfied)
            #expect(status.packagingSatisfied == status.missing.isEmpty)
            for unit in status.units {
                #expect((unit.fractionComplete == 1) == (unit.state == .signedOff))
                #expect(unit.missing.isEmpty || unit.state != .signedOff)
            }
        }
    }
}
