import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Re-issuing a record already re-issued is refused naming the serial asked about, its own
/// successor, and every record issued in its place separated by ", ".
@Suite struct ReissueRefusalTests {
    typealias Log = RecordLogTests

    @Test func aSecondReissueNamesTheSerialAskedAboutAndItsOwnSuccessor() async throws {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        let successors = try await site.service.reissue(
            issued[0].record.serial, key: site.key, outputFolder: site.folder + "/re", asOf: Log.asOf)
        #expect(successors.map(\.record.format) == [.ob3, .dc3])
        let list = successors.map(\.record.serial).joined(separator: ", ")
        for (old, new) in zip(issued, successors) {
            do {
                _ = try await site.service.reissue(old.record.serial, key: site.key, outputFolder: site.folder + "/re2", asOf: Log.asOf)
                Issue.record("\(old.record.serial) was re-issued twice")
            } catch let refusal as Refusal {
                #expect(refusal.summary.hasPrefix("\(old.record.serial) is already superseded by \(list)"), "\(refusal.summary)")
                #expect(refusal.summary.contains("(its successor: \(new.record.serial))"), "\(refusal.summary)")
            }
        }
    }

    @Test(arguments: [[], ["A"], ["A", "B"], ["A", "B", "C"]])
    func severalSuccessorsAreSeparatedByCommas(_ successors: [String]) {
        let words = SupersededRefusal.refusal("OLD", by: successors, own: successors.last).summary
        let expected = successors.isEmpty ? "another record" : successors.joined(separator: ", ")
        #expect(words.hasPrefix("OLD is already superseded by \(expected)"), "\(words)")
    }
}
