import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// "Today" is the site's local date, never the UTC date; the site's time zone is a store setting.
@Suite struct SiteClockTests {
    static let zacatecas = TimeZone(identifier: "America/Mexico_City")

    /// 21:00 in Zacatecas on 29 November is 03:00 UTC on 30 November: the supervisor's today is the 29th.
    @Test func nineInTheEveningInZacatecasIsStillTheSameLocalDay() throws {
        let instant = try Instant.parse("2026-11-30T03:00:00Z").unwrap("an instant")
        let zone = try Self.zacatecas.unwrap("the zone")
        #expect(try SiteClock(now: instant, timeZone: zone).today == TestWorld.day("2026-11-29"))
        #expect(try SiteClock(now: instant, timeZone: try SiteClock.timeZone(named: "UTC")).today == TestWorld.day("2026-11-30"))
        #expect(Instant.parse("2026-11-29T21:00:00-06:00") == instant)
    }

    /// For any instant and zone, the local date is the UTC date of the instant moved by the zone's offset then.
    @Test func theLocalDateIsTheDateAtTheZonesOffset() async {
        let zones = ["America/Mexico_City", "America/Tijuana", "America/Cancun", "Asia/Kolkata", "Pacific/Kiritimati", "UTC"]
        await propertyCheck(count: 300, input: Gen.int(in: 0...4_000_000_000), Gen.int(in: 0...5)) { seconds, index in
            guard let zone = TimeZone(identifier: zones[index]) else {
                Issue.record("no zone \(zones[index])")
                return
            }
            let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
            let shifted = seconds + zone.secondsFromGMT(for: instant)
            let expected = CalendarDate(year: 1970, month: 1, day: 1)?.adding(days: Int((Double(shifted) / 86_400).rounded(.down)))
            #expect((try? CalendarDate(localDateOf: instant, in: zone)) == expected, "\(seconds) in \(zones[index])")
        }
    }

    /// Only IANA names are zones: abbreviations, offsets and made-up names are refused with the fix.
    @Test(arguments: ["CST", "-06:00", "Mexico/Zacatecas", "America/Zacatecas", "", "america/mexico_city"])
    func aNameThatIsNotAnIANAZoneIsRefused(_ name: String) {
        let error = #expect(throws: SettingError.self) { try SiteClock.timeZone(named: name) }
        #expect(error?.fix.contains("America/Mexico_City") == true)
    }

    /// The store's setting is a log entry; "today" follows it; a bad zone appends nothing.
    @Test(arguments: Engine.all) func theStoresTimeZoneDecidesToday(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        let instant = try Instant.parse("2026-11-30T03:00:00Z").unwrap("an instant")
        #expect(try await world.service.setTimeZone("America/Mexico_City", reason: "sitio en Zacatecas", at: instant))
        #expect(try await world.service.today(at: instant) == TestWorld.day("2026-11-29"))
        #expect(try await world.service.setTimeZone("America/Mexico_City", reason: nil, at: instant) == false)
        let end = try await world.service.store.ledgerEnd()
        await #expect(throws: SettingError.self) { try await world.service.setTimeZone("CST", reason: nil, at: instant) }
        #expect(try await world.service.store.ledgerEnd() == end)
        #expect(try await world.service.setTimeZone("UTC", reason: "prueba", at: instant))
        #expect(try await world.service.today(at: instant) == TestWorld.day("2026-11-30"))
        let settings = try await world.service.store.entries(ofKinds: [.setting])
        #expect(settings.map { $0.registry?.fields["value"] } == ["America/Mexico_City", "UTC"])
        #expect(settings.first?.date == TestWorld.day("2026-11-29") && settings.first?.note == "sitio en Zacatecas")
        #expect(try await world.service.verifyLedger().isIntact)
    }

    /// A setting entry is written with `v` 4 by the registry rules.
    @Test func aSettingEntryIsEncodedAsVersionFour() throws {
        var entry = LedgerEntry.registry(
            .setting, subject: "timeZone", fields: ["value": "America/Mexico_City"], date: TestWorld.day("2026-11-29"))
        entry.sequence = 7
        entry.recordedAt = "2026-11-30T03:00:00Z"
        entry.previousHash = LedgerEntry.genesisHash
        let text = String(decoding: LedgerCanonicalEncoding.bytes(of: entry), as: UTF8.self)
        #expect(
            text
                == #"{"date":"2026-11-29","kind":"setting","previousHash":"\#(LedgerEntry.genesisHash)","recordedAt":"2026-11-30T03:00:00Z","sequence":7,"subject":"timeZone","v":6,"value":"America/Mexico_City"}"#
        )
    }

    /// `VETA_NOW` fixes the instant; anything but an instant is refused.
    @Test func vetaNowFixesTheInstant() throws {
        #expect(try SiteClock.currentInstant(environment: ["VETA_NOW": "2026-11-30T03:00:00Z"]) == Instant.parse("2026-11-30T03:00:00Z"))
        for bad in ["2026-11-30", "2026-11-30T24:00:00Z", "2026-02-30T01:00:00Z", "2026-11-30 03:00:00Z", "now"] {
            #expect(throws: SettingError.self) { try SiteClock.currentInstant(environment: ["VETA_NOW": bad]) }
        }
    }
}
