import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaAudit

@Suite struct AuditTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func compiledInPolicySchemaIsTheShippedOne() throws {
        let shipped = try String(contentsOf: Self.root.appendingPathComponent("Schemas/audit-policy.xsd"), encoding: .utf8)
        #expect(PolicySchema.text + "\n" == shipped, "run `make embed-schema` after editing Schemas/audit-policy.xsd")
    }

    @Test func shippedPolicyReadsWithItsAreas() throws {
        let bytes = Array(try Data(contentsOf: Self.root.appendingPathComponent("Schemas/audit-policy.xml")))
        let policy = try AuditPolicy.read(bytes, path: "Schemas/audit-policy.xml").get()
        #expect(policy.areas.count == 2)
        #expect(policy.hours[.operator] == 24...2400)
    }

    @Test func aPolicyThatBreaksItsSchemaIsRefusedWithALocation() throws {
        let text = "<auditPolicy xmlns=\"urn:veta:audit-policy:1\"><hours level=\"miner\" min=\"1\" max=\"2\"/></auditPolicy>"
        guard case .failure(let error) = try AuditPolicy.read(Array(text.utf8), path: "p.xml") else {
            Issue.record("an invalid policy was accepted")
            return
        }
        #expect(error.diagnostics.first?.code == "VETA-X003")
        #expect(error.diagnostics.first?.location.line == 1)
    }

    @Test(arguments: [
        ("2026-11-20", "2026-11-23", 1),  // Friday to Monday
        ("2026-11-02", "2026-11-30", 19),  // Monday 16 November 2026 is a statutory rest day
        ("2026-11-02", "2026-12-01", 20),
        ("2026-11-24", "2026-11-24", 0),
    ])
    func workingDaysSkipWeekends(_ start: String, _ end: String, _ expected: Int) throws {
        let from = try #require(CalendarDate(start))
        let to = try #require(CalendarDate(end))
        #expect(WorkingDays.between(from, to) == expected)
    }

    @Test func htmlEscapesMarkup() {
        #expect(AuditRenderer.escape("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }
}
