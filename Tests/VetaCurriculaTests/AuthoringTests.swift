import Foundation
import Testing

@testable import VetaCurricula

/// `veta new curriculum`'s skeleton and the volume range of VETA-R008.
@Suite struct AuthoringTests {
    @Test(arguments: Level.allCases, CurriculumSkeleton.Languages.allCases)
    func theSkeletonIsAValidDraft(_ level: Level, _ languages: CurriculumSkeleton.Languages) throws {
        let skeleton = try CurriculumSkeleton(code: "VTNEW", level: level, languages: languages, published: "2026-12-01")
        let result = sharedValidator.validate(Array(skeleton.xml.utf8), path: "new.xml")
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.codes.allSatisfy { $0 == "VETA-R021" })
        #expect(result.codes.isEmpty == (languages == .both))
        let curriculum = try #require(result.curriculum)
        #expect(curriculum.status == .draft && curriculum.level == level && curriculum.code.rawValue == "VTNEW")
    }

    @Test(arguments: ["", "lower", "TOOLONGCODE12", "A B", "Ñ"])
    func aBadCodeIsRefused(_ code: String) {
        #expect(throws: CurriculumSkeleton.Refusal.self) {
            try CurriculumSkeleton(code: code, level: .operator, languages: .both, published: "2026-12-01")
        }
    }

    /// The range is the cheapest and the dearest choice; brute force over every subset agrees.
    @Test(arguments: 0..<60)
    func theVolumeRangeIsTheCheapestAndDearestValidChoice(_ seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        let count = 2 + Int(random.next() % 5)
        let hours = (0..<count).map { _ in 4 + Int(random.next() % 40) }
        let coreCount = Int(random.next() % 2)
        let groupUnits = Array(coreCount..<count)
        let minimum = Int(random.next() % UInt64(groupUnits.count + 1))
        let maximum = minimum + Int(random.next() % UInt64(groupUnits.count - minimum + 1))
        let total = coreCount + minimum + Int(random.next() % UInt64(maximum - minimum + 1))
        guard total >= 1 else { return }  // totalUnits is a positive integer
        let units = (0..<count).map { CurriculumXML.UnitSpec(code: "U\($0)", hours: hours[$0]) }
        var xml = CurriculumXML(units: units)
        xml.totalUnits = total
        xml.core = (0..<coreCount).map { "U\($0)" }
        xml.groups = [.init(id: "A", minimum: minimum, maximum: maximum, units: groupUnits.map { "U\($0)" })]
        xml.volume = 100
        let curriculum = try #require(xml.validate().curriculum)
        let range = try #require(curriculum.volumeRange)
        // Brute force: every choice of (total - core) electives within [minimum, maximum].
        let needed = total - coreCount
        var sums: [Int] = []
        for mask in 0..<(1 << groupUnits.count) where mask.nonzeroBitCount == needed && (minimum...maximum).contains(needed) {
            sums.append(groupUnits.indices.filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + hours[groupUnits[$1]] })
        }
        let core = (0..<coreCount).reduce(0) { $0 + hours[$1] }
        #expect(range.hours == (core + (sums.min() ?? 0))...(core + (sums.max() ?? 0)))
    }
}

/// A small deterministic generator for the property test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
