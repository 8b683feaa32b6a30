import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// Publication rules: the issuer's did:web follows from its URL, status lists round-trip, a
/// revoked credential's bit is set, and credentials name their issuer and key so a site resolves them.
@Suite struct PublishTests {
    static let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// For any host, port and path, the did:web is `did:web:host[%3Aport][:seg…]` and maps back to the URL.
    @Test func didWebFollowsFromTheIssuerURL() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...35).array(of: 1...12).array(of: 1...3), Gen.int(in: 0...65_535),
            Gen.int(in: 0...35).array(of: 1...8).array(of: 0...3), Gen.int(in: 0...1)
        ) { labels, port, segments, trailing in
            let host = labels.map { String($0.map { Self.letters[$0] }) }.joined(separator: ".")
            let path = segments.map { String($0.map { Self.letters[$0] }) }
            let hasPort = port % 3 != 0
            let url =
                "https://\(host.uppercased())" + (hasPort ? ":\(port)" : "") + path.map { "/" + $0 }.joined()
                + (trailing == 1 ? "/" : "")
            let expected = "did:web:\(host)" + (hasPort ? "%3A\(port)" : "") + path.map { ":" + $0 }.joined()
            #expect((try? DIDWeb.did(issuerURL: url)) == expected)
            #expect(DIDWeb.url(did: expected) == "https://\(host)" + (hasPort ? ":\(port)" : "") + path.map { "/" + $0 }.joined())
        }
    }

    @Test func aURLThatNamesNoDIDWebIsRefused() {
        for url in [
            "ftp://example.mx", "https://", "not a url", "https://example.mx/a/../b", "https://example.mx/?q=1", "https://example.mx//a",
        ] {
            #expect(throws: RecordError.self, "\(url)") { try DIDWeb.did(issuerURL: url) }
        }
    }

    /// Any set of indexes survives encoding (gzip, base64url, multibase) and decoding; no other bit is set.
    @Test func statusListEncodingRoundTrips() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...400_000).array(of: 0...40)) { indexes in
            var list = BitstringStatusList()
            for index in indexes { list.set(index) }
            #expect(list.count % BitstringStatusList.minimumBits == 0 && list.count >= BitstringStatusList.minimumBits)
            #expect(list.encodedList.hasPrefix("u"))
            guard let decoded = try? BitstringStatusList.decode(list.encodedList) else {
                Issue.record("the encoded list does not decode")
                return
            }
            #expect(decoded == list)
            let set = Set(indexes)
            for index in set { #expect(decoded.isSet(index)) }
            for probe in [0, 1, 7, 8, 131_071, 131_072, 399_999] where !set.contains(probe) { #expect(!decoded.isSet(probe)) }
        }
    }

    @Test func bitZeroIsTheLeftMostBitOfTheFirstByte() {
        var list = BitstringStatusList()
        list.set(0)
        list.set(9)
        #expect(list.bytes[0] == 0x80 && list.bytes[1] == 0x40)
        #expect(throws: RecordError.self) { try BitstringStatusList.decode("zabc") }
        #expect(throws: RecordError.self) { try BitstringStatusList.decode("u" + "AAAA") }
    }

    /// The index follows from the serial: distinct serials, distinct indexes.
    @Test func statusIndexesFollowFromSerials() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 2000...2999), Gen.int(in: 0...199_999), Gen.int(in: 2000...2999), Gen.int(in: 0...199_999)
        ) {
            y1, n1, y2, n2 in
            let a = try? StatusListIndex.of(serial: "VETA-\(y1)-" + String(format: "%06d", n1))
            let b = try? StatusListIndex.of(serial: "VETA-\(y2)-" + String(format: "%06d", n2))
            #expect(a != nil && b != nil)
            #expect((a == b) == (y1 == y2 && n1 == n2))
        }
        #expect(throws: RecordError.self) { try StatusListIndex.of(serial: "VETA-1999-000001") }
        #expect(throws: RecordError.self) { try StatusListIndex.of(serial: "S") }
    }

    /// A new credential names its issuer by did:web, its kid resolves in the DID document, and it
    /// carries a BitstringStatusListEntry for its serial's index.
    @Test func credentialsNameTheirIssuerByDIDWebAndResolveTheirKey() async throws {
        let (curriculum, trainee, issuer, key) = try CredentialTests.fixture()
        let credential = CredentialBuilder.credential(
            serial: "VETA-2026-000042", curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer,
            validFrom: try #require(CalendarDate("2026-11-12")), validUntil: nil, salt: "aa")
        #expect(credential.issuer.id == "did:web:capacitacion.example.mx")
        #expect(credential.issuer.url == issuer.id)
        let status = try #require(credential.credentialStatus)
        #expect(status.type == "BitstringStatusListEntry" && status.statusPurpose == "revocation")
        #expect(status.statusListIndex == String(26 * 200_000 + 42))
        #expect(status.statusListCredential == "https://capacitacion.example.mx/status/revocation-1.jwt")
        let token = try await VCJWT.sign(credential, with: key, kid: issuer.keyID(for: key.publicKey))
        let document = DIDWeb.document(did: issuer.did, keys: issuer.keys)
        let (kid, _) = try VCJWT.unverifiedCredential(token)
        #expect(kid == "did:web:capacitacion.example.mx#key-1")
        let named = try #require(kid)
        let resolved = try #require(document.key(named))
        #expect(try await VCJWT.verify(token, with: resolved) == credential)
        let source = OfflineVerifier.KeySource.didDocument(document, site: nil)
        let report = await OfflineVerifier.verify(Array(token.utf8), source: source, asOf: try #require(CalendarDate("2026-12-01")))
        #expect(report.verdict == "VALID")
        #expect(report.unchecked?.map(\.name) == ["registry", "status"])
    }

    /// The status list credential verifies with the issuer's key and carries the revoked bit.
    @Test func aRevokedIndexIsSetInTheSignedStatusList() throws {
        let (_, _, issuer, key) = try CredentialTests.fixture()
        var list = BitstringStatusList()
        list.set(5_200_042)
        let url = StatusListIndex.listURL(issuerURL: issuer.id)
        let kid = try #require(issuer.keyID(for: key.publicKey))
        let token = try StatusListCredential(
            url: url, issuerDID: issuer.did, list: list, validFrom: try #require(CalendarDate("2026-11-30")),
            in: try #require(TimeZone(identifier: "UTC"))
        )
        .signed(with: key, kid: kid)
        let payload = try CompactJWS.verify(token, with: key.publicKey)
        let decoded = try JSONDecoder().decode(StatusListCredential.self, from: Data(payload))
        #expect(decoded.type == ["VerifiableCredential", "BitstringStatusListCredential"])
        let bits = try BitstringStatusList.decode(decoded.credentialSubject.encodedList)
        #expect(bits.isSet(5_200_042) && !bits.isSet(5_200_041) && !bits.isSet(5_200_043))
        #expect(throws: RecordError.self) { try CompactJWS.verify(token, with: SigningKey().publicKey) }
    }

    @Test func theRecordPageURLIsUnderTheIssuersSite() {
        #expect(RecordPage.url(issuer: "https://x.mx/", recordID: "VETA-2026-000001") == "https://x.mx/records/VETA-2026-000001/")
        #expect(RecordPage.url(issuer: "https://x.mx/a", recordID: "R") == "https://x.mx/a/records/R/")
    }
}
