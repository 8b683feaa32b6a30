import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// A credential's validity window is the site's local days: `validFrom` is the first instant of its
/// first local day, `validUntil` the first instant of the first local day it is no longer valid
/// (the end of its last valid day), both written in UTC. So the credential's own times and `veta
/// verify` (which judges by the site's date: expired when `validUntil <= today`, not yet valid when
/// `validFrom > today`) agree at every instant in every zone: never expired a day early, never valid a day late.
@Suite struct CredentialWindowTests {
    static let zones = [
        "America/Mexico_City", "America/Tijuana", "America/Cancun", "America/Havana", "America/Santiago", "Asia/Kolkata",
        "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe", "UTC",
    ]

    @Test func theCredentialsTimesAgreeWithTheSitesDayAtEveryInstant() async throws {
        let (curriculum, trainee, issuer, _) = try CredentialTests.fixture()
        await propertyCheck(
            count: 400, input: Gen.int(in: 0...4_000_000_000), Gen.int(in: 0..<Self.zones.count), Gen.int(in: -2...2), Gen.int(in: -2...2)
        ) { seconds, index, untilOffset, fromOffset in
            guard let zone = TimeZone(identifier: Self.zones[index]) else {
                Issue.record("no zone \(Self.zones[index])")
                return
            }
            let now = Date(timeIntervalSince1970: TimeInterval(seconds))
            guard let today = try? CalendarDate(localDateOf: now, in: zone) else {
                Issue.record("no date at \(seconds)")
                return
            }
            let from = today.adding(days: fromOffset)
            let until = today.adding(days: untilOffset)
            let credential = CredentialBuilder.credential(
                serial: "S", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer, validFrom: from, validUntil: until,
                salt: "aa", timeZone: zone)
            guard let notBefore = RFC3339.date(credential.validFrom), let expiry = credential.validUntil.flatMap(RFC3339.date) else {
                Issue.record("times not RFC 3339: \(credential.validFrom) \(credential.validUntil ?? "-")")
                return
            }
            let what = "\(Instant.utcText(now)) in \(Self.zones[index]) (today \(today)), from \(from), until \(until)"
            #expect((now >= expiry) == (until <= today), "expired: \(what), validUntil \(credential.validUntil ?? "-")")
            #expect((now < notBefore) == (from > today), "not yet valid: \(what), validFrom \(credential.validFrom)")
        }
    }

    /// The last second of the last valid day in Zacatecas is still valid; the next one is not.
    @Test func aCredentialExpiresAtTheSitesMidnight() throws {
        let (curriculum, trainee, issuer, _) = try CredentialTests.fixture()
        let zone = try SiteClock.timeZone(named: "America/Mexico_City")
        let credential = CredentialBuilder.credential(
            serial: "S", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: CalendarDate("2027-11-12"), salt: "aa", timeZone: zone)
        #expect(credential.validFrom == "2026-11-12T06:00:00Z")
        #expect(credential.validUntil == "2027-11-12T06:00:00Z")
        #expect(try CalendarDate(localDateOf: try #require(Instant.parse("2027-11-12T05:59:59Z")), in: zone) == CalendarDate("2027-11-11"))
    }
}
