import Foundation
import Testing
import VetaCurricula
import VetaProgress

@Suite struct EngineEnrolmentTests {
    @Test func enrolledOnIsTheFirstEnrolment() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-02-01")
        ledger.enrol(on: "2025-01-10")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.enrolledOn == engineDate("2025-01-10"))
        #expect(status.withdrawnOn == nil)
    }

    @Test func withdrawnOnIsTheLatestWithdrawalAfterEnrolling() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-01-10")
        ledger.withdraw(on: "2025-04-01")
        ledger.withdraw(on: "2025-03-01")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        #expect(status.withdrawnOn == engineDate("2025-04-01"))
        #expect(status.isWithdrawn)
        #expect(ledger.status(in: curriculum, asOf: "2025-03-15").withdrawnOn == engineDate("2025-03-01"))
    }

    @Test func enrollingAgainAfterWithdrawingClearsTheWithdrawal() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-01-10")
        ledger.withdraw(on: "2025-02-01")
        ledger.enrol(on: "2025-05-01")
        #expect(ledger.status(in: curriculum, asOf: "2025-04-30").withdrawnOn == engineDate("2025-02-01"))
        let status = ledger.status(in: curriculum, asOf: "2025-05-01")
        #expect(status.withdrawnOn == nil)
        #expect(status.enrolledOn == engineDate("2025-01-10"))
    }

    @Test func correctedEnrolmentNoLongerCounts() throws {
        let curriculum = try EngineFixture.oneUnit()
        var ledger = EngineLedger(curriculum)
        let mistaken = ledger.enrol(on: "2025-01-01")
        ledger.enrol(on: "2025-01-10")
        ledger.correct(mistaken, on: "2025-01-11")
        #expect(ledger.status(in: curriculum, asOf: "2025-01-10").enrolledOn == engineDate("2025-01-01"))
        #expect(ledger.status(in: curriculum, asOf: "2025-01-11").enrolledOn == engineDate("2025-01-10"))
    }

    @Test func statusRoundTripsThroughJSON() throws {
        let curriculum = try EngineFixture.oneUnit(recertificationMonths: 12)
        var ledger = EngineLedger(curriculum)
        ledger.enrol(on: "2025-01-10")
        ledger.complete("U1", from: "2025-03-01")
        ledger.signOff("U1", on: "2025-03-10")
        let status = ledger.status(in: curriculum, asOf: "2025-06-01")
        let data = try JSONEncoder().encode(status)
        #expect(try JSONDecoder().decode(EnrolmentStatus.self, from: data) == status)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""state":"signed-off""#))
        #expect(text.contains(#""expiresOn":"2026-03-10""#))
    }
}
