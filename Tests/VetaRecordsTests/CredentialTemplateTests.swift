import Foundation
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// The fast path (``CredentialTemplate``, ``CredentialSigner``, ``CredentialFactory``) writes the
/// same bytes as the credential built in full and encoded by the claims writer, for any trainee,
/// curriculum, unit, issuer, dates and checkpoint; and its tokens verify with the existing verifier.
@Suite struct CredentialTemplateTests {
    static let curricula: [Curriculum] = {
        let folder = CredentialTests.root.appendingPathComponent("Curricula")
        let validator = try? CurriculumValidator()
        return ["operator-haul-truck.xml", "supervisor-mine-rescue.xml", "technician-ventilation.xml"].compactMap {
            try? validator?.validate(fileAt: folder.appendingPathComponent($0).path).curriculum
        }
    }()

    /// A reproducible source of random inputs (SplitMix64).
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func text(_ alphabet: String, _ lengths: ClosedRange<Int>) -> String {
            let characters = Array(alphabet)
            return String(
                (0..<Int.random(in: lengths, using: &self)).map { _ in characters[Int.random(in: 0..<characters.count, using: &self)] })
        }

        /// A valid CURP: random letters, birth date and consonants, and the check digit that fits.
        mutating func curp() -> CURP {
            for _ in 0..<50 {
                let head =
                    text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4...4)
                    + String(
                        format: "%02d%02d%02d", Int.random(in: 0...99, using: &self),
                        Int.random(in: 1...12, using: &self), Int.random(in: 1...28, using: &self))
                    + text("HM", 1...1) + "ZS" + text("BCDFGHJKLMNPQRSTVWXYZ", 3...3) + text("0123456789", 1...1)
                for digit in 0...9 { if let curp = try? CURP(head + String(digit)) { return curp } }
            }
            return Self.fallback
        }

        static let fallback: CURP = {
            guard let curp = try? CURP("GALA900101MZSRPN05") else { fatalError("the fixture CURP is valid") }
            return curp
        }()

        /// Text with what JSON must escape: quotes, backslashes, control characters, accents.
        mutating func awkward() -> String {
            text("abcXYZ áéñÑü\"\\\n\t/<>&{}:,", 1...24)
        }

        mutating func date() -> CalendarDate {
            CalendarDate(
                year: Int.random(in: 2000...2040, using: &self), month: Int.random(in: 1...12, using: &self),
                day: Int.random(in: 1...28, using: &self))
                ?? .earliest
        }
    }

    static func item(_ random: inout Random, curriculum: Curriculum, unit: VetaCurricula.Unit?) throws -> CredentialFactory.Item {
        let trainee = Trainee(
            id: TraineeID(random.text("T0123456789", 2...8)), paternalSurname: random.awkward(), maternalSurname: random.awkward(),
            givenNames: random.awkward(), curp: random.curp(), employer: try RFC("MFR110315AB1"), occupation: random.awkward(),
            jobTitle: random.awkward())
        let from = random.date()
        let until = Bool.random(using: &random) ? from.adding(months: Int.random(in: 1...60, using: &random)) : nil
        let checkpoint: (size: Int64, hash: String)? =
            Bool.random(using: &random) ? (Int64.random(in: 0...10_000_000, using: &random), random.text("0123456789abcdef", 64...64)) : nil
        let achieved: [VetaCurricula.Unit]? =
            unit == nil && Bool.random(using: &random) ? curriculum.units.filter { _ in Bool.random(using: &random) } : nil
        return CredentialFactory.Item(
            trainee: trainee, serial: "VETA-\(from.year)-" + String(format: "%06d", Int.random(in: 1...999_999, using: &random)),
            validFrom: from, validUntil: until, salt: Bool.random(using: &random) ? Salts.make(1)[0] : random.awkward(),
            checkpoint: checkpoint, achieved: achieved)
    }

    @Test func templateClaimsAreTheFullBuildersBytesForRandomCredentials() throws {
        #expect(Self.curricula.count == 3)
        var random = Random(state: 0x5EED_0013)
        var templated = 0
        for round in 0..<60 {
            let curriculum = Self.curricula[round % Self.curricula.count]
            let unit = Bool.random(using: &random) ? curriculum.units.randomElement(using: &random) : nil
            let key = SigningKey()
            let issuer = Issuer(
                id: "https://" + random.text("abcdefghij", 3...12) + ".example" + (Bool.random(using: &random) ? "/" : ""),
                name: random.awkward(), rfc: try RFC("CMN150101AB1"),
                stpsRegistration: Bool.random(using: &random) ? random.awkward() : nil,
                publicKey: key.publicKey.base64URL)
            let factory = try CredentialFactory(curriculum: curriculum, unit: unit, issuer: issuer, key: key)
            let items = try (0..<25).map { _ in try Self.item(&random, curriculum: curriculum, unit: unit) }
            let templates = factory.templates(for: items)
            for item in items {
                let full = try factory.fullClaims(item)
                #expect(try factory.claims(item, templates: templates) == full)
                // The full claims are the bytes the claims writer gives through jwt-kit's encoder.
                #expect(try ClaimsJSONEncoder().encode(VCJWT.Claims(factory.credential(item))) == Data(full))
            }
            templated += templates.values.filter { $0 != nil }.count
        }
        // Templates are made (a stand-in colliding with the data would silently fall back).
        #expect(templated > 60)
    }

    @Test func batchTokensAreInOrderIdenticalToOneByOneAndVerify() async throws {
        var random = Random(state: 0xB47C_4013)
        let curriculum = try #require(Self.curricula.first)
        let key = SigningKey()
        let issuer = Issuer(
            id: "https://capacitacion.example.mx", name: "Capacitación \"Norte\"", rfc: try RFC("CMN150101AB1"), stpsRegistration: "CAP-1",
            publicKey: key.publicKey.base64URL)
        let factory = try CredentialFactory(curriculum: curriculum, unit: nil, issuer: issuer, key: key)
        let items = try (0..<40).map { _ in try Self.item(&random, curriculum: curriculum, unit: nil) }
        let tokens = await factory.tokens(items, tasks: 3)
        #expect(tokens.count == items.count)
        for (item, result) in zip(items, tokens) {
            let token = try result.get()
            #expect(token == (try factory.token(item)))
            let credential = try await VCJWT.verify(String(decoding: token, as: UTF8.self), with: key.publicKey)
            #expect(credential == factory.credential(item))
            #expect(try VCJWT.unverifiedCredential(String(decoding: token, as: UTF8.self)).kid == VCJWT.didKey(key.publicKey))
        }
    }

    @Test func directSignerTokenHasJWTKitsPayloadAndHeaderFields() async throws {
        var random = Random(state: 0x4EAD_0013)
        let curriculum = try #require(Self.curricula.last)
        let key = SigningKey()
        let issuer = Issuer(
            id: "https://issuer.example", name: "Issuer", rfc: try RFC("CMN150101AB1"), stpsRegistration: nil,
            publicKey: key.publicKey.base64URL)
        let factory = try CredentialFactory(curriculum: curriculum, unit: nil, issuer: issuer, key: key)
        let credential = factory.credential(try Self.item(&random, curriculum: curriculum, unit: nil))
        let direct = String(decoding: try factory.signer.token(credential), as: UTF8.self).split(separator: ".")
        let kit = try await VCJWT.sign(credential, with: key).split(separator: ".")
        #expect(direct[1] == kit[1])
        // jwt-kit writes the header's fields in its dictionary's order: compare them as JSON.
        let header = { (part: Substring) in
            try JSONSerialization.jsonObject(with: VCJWT.base64URLDecode(String(part)) ?? Data()) as? [String: String]
        }
        #expect(try header(direct[0]) == (try header(kit[0])))
        #expect(try header(direct[0]) == ["alg": "EdDSA", "typ": "JWT", "kid": VCJWT.didKey(key.publicKey)])
    }

    @Test func saltsAreSixteenRandomBytesAsHexAndDiffer() {
        let salts = Salts.make(500)
        #expect(salts.count == 500)
        #expect(Set(salts).count == 500)
        #expect(salts.allSatisfy { $0.count == 32 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(CredentialBuilder.salt().count == 32)
    }

    @Test func base64URLAgreesWithFoundationForEveryLength() {
        var random = Random(state: 64)
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            var encoded: [UInt8] = []
            Base64URLBytes.append(bytes, to: &encoded)
            let expected = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(String(decoding: encoded, as: UTF8.self) == expected)
        }
    }

    @Test func parallelMapKeepsTheOrder() async {
        for tasks in [1, 2, 3, 7] {
            for count in [0, 1, 2, 5, 100] {
                #expect(await CredentialFactory.parallelMap(count, tasks: tasks) { $0 * 3 } == (0..<count).map { $0 * 3 })
            }
        }
    }
}
