import PropertyBased
import Testing

@testable import VetaCurricula

/// Rules with many inputs, checked on generated curricula against an independent statement of
/// what the rule means.
@Suite struct RulePropertyTests {
    @Test func correctlyNumberedElementsAndCriteriaHaveNoNumberingFindings() async {
        await propertyCheck(count: 60, input: Gen.int(in: 1...6).array(of: 1...5)) { criteriaPerElement in
            let elements = criteriaPerElement.enumerated().map { index, count in
                (number: index + 1, criteria: (1...count).map { "\(index + 1).\($0)" })
            }
            let result = CurriculumXML(units: [.init(code: "U1", elements: elements)]).validate()
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        }
    }

    @Test func anyRenumberedCriterionIsReported() async {
        await propertyCheck(count: 60, input: Gen.int(in: 1...6), Gen.int(in: 0...5), Gen.int(in: 1...9)) { count, pick, wrong in
            let target = pick % count
            var criteria = (1...count).map { "1.\($0)" }
            guard wrong != target + 1 else { return }
            criteria[target] = "1.\(wrong)"
            let result = CurriculumXML(units: [.init(code: "U1", elements: [(1, criteria)])]).validate()
            #expect(result.codes.contains("VETA-R003"))
            #expect(result.codes.allSatisfy { $0 == "VETA-R003" })
        }
    }

    /// Prerequisites that only point to earlier units can never form a cycle; adding an edge
    /// from the first unit of a chain back to its last one always does, and the reported path
    /// starts and ends at the same unit.
    @Test func cyclesAreReportedExactlyWhenTheyExist() async {
        await propertyCheck(count: 60, input: Gen.int(in: 2...7), Gen.bool) { count, closeCycle in
            var units = (0..<count).map { CurriculumXML.UnitSpec(code: "U\($0)") }
            for index in 1..<count { units[index].prerequisites = ["U\(index - 1)"] }
            if closeCycle { units[0].prerequisites = ["U\(count - 1)"] }
            let result = CurriculumXML(units: units).validate()
            let cycles = result.diagnostics.filter { $0.code == "VETA-R005" }
            #expect(cycles.count == (closeCycle ? 1 : 0))
            if let message = cycles.first?.message, let path = message.split(separator: ": ").last {
                let steps = path.components(separatedBy: " → ")
                #expect(steps.first == steps.last)
                #expect(steps.count == count + 1)
            }
        }
    }

    @Test func volumeMismatchIsReportedExactlyWhenHoursDiffer() async {
        await propertyCheck(count: 60, input: Gen.int(in: 1...200).array(of: 1...5), Gen.int(in: 24...1200)) { hours, declared in
            let units = hours.enumerated().map { CurriculumXML.UnitSpec(code: "U\($0.offset)", hours: $0.element) }
            let result = CurriculumXML(units: units, volume: declared).validate()
            #expect(result.codes.contains("VETA-R008") == (declared != hours.reduce(0, +)))
        }
    }

    /// R007 fires exactly when no choice of electives meets the packaging rules, found by brute force.
    @Test func packagingIsUnsatisfiableExactlyWhenNoChoiceMeetsIt() async {
        let group = zip(Gen.int(in: 1...3), Gen.int(in: 0...4), Gen.int(in: 0...4).optional)
        await propertyCheck(
            count: 150, input: Gen.int(in: 0...2), group.array(of: 0...3), Gen.int(in: 0...2), Gen.int(in: 1...9)
        ) { coreCount, groups, external, total in
            var units: [CurriculumXML.UnitSpec] = (0..<coreCount).map { .init(code: "C\($0)") }
            var specs: [CurriculumXML.GroupSpec] = []
            for (index, spec) in groups.enumerated() {
                let codes = (0..<spec.0).map { "G\(index)U\($0)" }
                units += codes.map { .init(code: $0) }
                specs.append(.init(id: "G\(index)", minimum: spec.1, maximum: spec.2, units: codes))
            }
            guard !units.isEmpty else { return }
            let xml = CurriculumXML(
                units: units, totalUnits: total, core: (0..<coreCount).map { "C\($0)" }, groups: specs, externalElectives: external)
            let result = xml.validate()
            let satisfiable = Self.bruteForceSatisfiable(
                core: coreCount, groups: groups.map { ($0.0, $0.1, $0.2) }, external: external, total: total)
            #expect(result.codes.contains("VETA-R007") == !satisfiable, "\(xml.text)")
        }
    }

    static func bruteForceSatisfiable(core: Int, groups: [(size: Int, min: Int, max: Int?)], external: Int, total: Int) -> Bool {
        var reachable: Set<Int> = [core]
        for group in groups {
            var next: Set<Int> = []
            for sum in reachable {
                for chosen in 0...group.size where chosen >= group.min && chosen <= (group.max ?? Int.max) {
                    next.insert(sum + chosen)
                }
            }
            reachable = next
        }
        return reachable.contains { sum in (0...external).contains { sum + $0 == total } }
    }
}
