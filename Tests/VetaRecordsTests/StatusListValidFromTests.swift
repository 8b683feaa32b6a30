import Foundation
import PropertyBased
import Testing
import VetaProgress

@testable import VetaRecords

/// A status list is never valid from a time after the instant it is signed: its validFrom/nbf is the
/// first instant of the site's date in the site's zone, whatever the zone (breakit5 finding 6).
@Suite struct StatusListValidFromTests {
    static let zones = TimeZone.knownTimeZoneIdentifiers.sorted()

    @Test func validFromIsNeverAfterTheSigningInstantInAnyZone() async {
        await propertyCheck(
            count: 400, input: Gen.int(in: 0..<Self.zones.count), Gen.int(in: 946_684_800...4_102_444_799)
        ) { zoneIndex, seconds in
            guard let zone = TimeZone(identifier: Self.zones[zoneIndex]) else { return }
            let signedAt = Date(timeIntervalSince1970: TimeInterval(seconds))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month, .day], from: signedAt)
            guard let year = parts.year, let month = parts.month, let day = parts.day,
                let today = CalendarDate(year: year, month: month, day: day)
            else { return }
            let list = StatusListCredential(
                url: "https://x.mx/status/revocation-1.jwt", issuerDID: "did:web:x.mx", list: BitstringStatusList(), validFrom: today,
                in: zone)
            #expect(TimeInterval(list.nbf) <= signedAt.timeIntervalSince1970, "\(zone.identifier) \(seconds)")
            #expect(RFC3339.date(list.validFrom).map { Int($0.timeIntervalSince1970) } == list.nbf)
        }
    }

    /// The finding's example: Asia/Tokyo, revoked and built at 2027-03-02T20:00Z (03-03 in Tokyo).
    @Test func tokyoEveningInUTCIsTokyoMidnight() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let list = StatusListCredential(
            url: "https://x.mx/status/revocation-1.jwt", issuerDID: "did:web:x.mx", list: BitstringStatusList(),
            validFrom: try #require(CalendarDate("2027-03-03")), in: zone)
        #expect(list.validFrom == "2027-03-02T15:00:00Z")
    }
}
