import Foundation
import GRDB
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// Who a trainee, an organisation or an assessor is (names, CURP, employer) is read from the log,
/// the single source of truth: never from a registry table changed behind the log's back, and,
/// through ``KnownAtStore``, as the store knew it at T, not as amended since.
@Suite struct IdentityFromLogTests {
    /// A trainee's names and CURP, an organisation's name and an assessor's name changed by SQL in
    /// their tables are never what a read returns; `ledger verify` still names the rows.
    @Test(arguments: Engine.all) func aTableEditedBehindTheLogIsNeverRead(engine: Engine) async throws {
        let world = try await TestWorld.make(engine: engine)
        try engine.tamper(
            world.storePath,
            [
                "UPDATE trainee SET given_names = 'Falsa', paternal_surname = 'Otra', curp = '\(TestWorld.curps[1])' WHERE id = 'T001'",
                "UPDATE organisation SET name = 'Minera Falsa'", "UPDATE assessor SET name = 'Nadie'",
            ])
        let store = world.service.store
        let trainee = try #require(try await store.trainee(world.trainee))
        #expect(trainee.fullName == "Ana María García López" && trainee.curp.rawValue == TestWorld.curps[0])
        #expect(try await store.trainees().map(\.fullName) == ["Ana María García López"])
        #expect(try await store.organisation(try RFC(TestWorld.employer))?.name == "Minera Fresnillo")
        #expect(try await store.assessor(world.assessor)?.name == "Luis Pérez")
        #expect(try await store.projectionProblems().count >= 3)
        #expect(try await world.service.verifyLedger().isIntact == false)
    }

    /// On random histories of amendments recorded at random instants, the names read through
    /// ``KnownAtStore`` at T are the last ones amended at or before T (the registration's before any),
    /// and the names read from the store itself are the last ones amended.
    @Test(arguments: Engine.all) func knownAtReadsTheNamesKnownThen(engine: Engine) async {
        await propertyCheck(count: 15, input: Gen.int(in: 0...2_999).array(of: 1...12), Gen.int(in: 0...100)) { history, cut in
            do {
                let world = try await TestWorld.make(engine: engine)
                let clock = ManualClock()
                let store = try engine.open(world.storePath, clock: { clock.now() })
                let rfc = try RFC(TestWorld.employer)
                let start = Instant.utcText(clock.now())
                // (instant, whose, name) of each amendment, in order.
                var amended: [(at: String, whose: Int, name: String)] = []
                for (index, step) in history.enumerated() {
                    clock.advance(seconds: 1 + step / 3)
                    let name = "Nombre \(index)"
                    switch step % 3 {
                    case 0:
                        let t = try #require(try await store.trainee(world.trainee))
                        try await store.amend(
                            Trainee(
                                id: t.id, paternalSurname: t.paternalSurname, maternalSurname: t.maternalSurname, givenNames: name,
                                curp: t.curp, employer: t.employer, occupation: t.occupation, jobTitle: t.jobTitle),
                            reason: "acta")
                    case 1:
                        let o = try #require(try await store.organisation(rfc))
                        try await store.amend(Organisation(rfc: rfc, name: name, sites: o.sites), reason: "razón social")
                    default:
                        let a = try #require(try await store.assessor(world.assessor))
                        try await store.amend(
                            Assessor(id: a.id, name: name, accreditation: a.accreditation, units: a.units, publicKey: a.publicKey),
                            reason: "nombre")
                    }
                    amended.append((Instant.utcText(clock.now()), step % 3, name))
                }
                let first = try #require(Instant.parse(start)).timeIntervalSince1970
                let end = try #require(Instant.parse(amended.last?.at ?? start)).timeIntervalSince1970
                let knownAt = Date(timeIntervalSince1970: (first + (end - first) * Double(cut) / 100).rounded())
                let limit = Instant.utcText(knownAt)
                func last(_ whose: Int, upTo limit: String?, or original: String) -> String {
                    amended.last { step in step.whose == whose && (limit.map { step.at <= $0 } ?? true) }?.name ?? original
                }
                let view = KnownAtStore(store, knownAt: knownAt)
                #expect(
                    try await view.trainee(world.trainee)?.givenNames == last(0, upTo: limit, or: "Ana María"), "\(history) at \(limit)")
                #expect(try await view.trainees().map(\.givenNames) == [last(0, upTo: limit, or: "Ana María")])
                #expect(try await view.organisation(rfc)?.name == last(1, upTo: limit, or: "Minera Fresnillo"), "\(history) at \(limit)")
                #expect(try await view.assessor(world.assessor)?.name == last(2, upTo: limit, or: "Luis Pérez"), "\(history) at \(limit)")
                #expect(try await store.trainee(world.trainee)?.givenNames == last(0, upTo: nil, or: "Ana María"))
                #expect(try await store.organisation(rfc)?.name == last(1, upTo: nil, or: "Minera Fresnillo"))
            } catch {
                Issue.record("history \(history): \(error)")
            }
        }
    }
}
