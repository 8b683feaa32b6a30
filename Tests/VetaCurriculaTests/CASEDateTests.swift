import Foundation
import Testing

@testable import VetaCurricula

/// CASE date-times derived from the publication date are valid RFC 3339 whatever legal form the
/// `xs:date` was written in; a year RFC 3339 cannot hold is refused, not mangled.
@Suite struct CASEDateTests {
    static func package(published: String) throws -> CASEPackage {
        let text = CurriculumXML(units: [.init(code: "U1")]).text
            .replacingOccurrences(of: "2026-11-24</published>", with: "\(published)</published>")
        let result = sharedValidator.validate(Array(text.utf8), path: "test.xml")
        return try CASEExport.package(for: try #require(result.curriculum, "\(result.diagnostics)"))
    }

    static let rfc3339 = #"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T00:00:00(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"#

    @Test(arguments: [
        ("2024-03-01", "2024-03-01T00:00:00+00:00"), ("2024-03-01Z", "2024-03-01T00:00:00+00:00"),
        ("2024-03-01+00:00", "2024-03-01T00:00:00+00:00"), ("2024-03-01-00:00", "2024-03-01T00:00:00+00:00"),
        ("2024-03-01-06:00", "2024-03-01T00:00:00-06:00"), ("2024-02-29+14:00", "2024-02-29T00:00:00+14:00"),
        ("0001-01-01-14:00", "0001-01-01T00:00:00-14:00"), ("9999-12-31+05:30", "9999-12-31T00:00:00+05:30"),
    ])
    func everyLegalFormOfTheDateGivesAnRFC3339DateTime(_ published: String, _ expected: String) throws {
        let package = try Self.package(published: published)
        let stamps =
            [package.document.lastChangeDateTime] + package.items.map(\.lastChangeDateTime)
            + package.associations.map(\.lastChangeDateTime)
        #expect(Set(stamps) == [expected])
        #expect(try Regex(Self.rfc3339).wholeMatch(in: expected) != nil)
        #expect(package.document.statusStartDate == String(expected.prefix(10)))
    }

    @Test(arguments: ["12024-01-01", "-0001-01-01", "-2024-03-01Z"])
    func aYearOutsideRFC3339IsRefused(_ published: String) {
        #expect(throws: CASEExportError.self) { try Self.package(published: published) }
    }
}
