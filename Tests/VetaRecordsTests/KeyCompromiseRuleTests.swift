import Foundation
import PropertyBased
import Testing
import VetaCurricula
import VetaProgress

@testable import VetaRecords

/// A key retired as compromised (`veta issuer retire-key`) voids what it signed on or after the
/// compromise date, and only that: earlier records stand, other keys are untouched; the DID document
/// marks it revoked; `veta reissue` replaces a voided record with one signed by the current key.
@Suite struct KeyCompromiseRuleTests {
    typealias Log = RecordLogTests

    /// The rule on every key, compromise date and signing date: voided exactly when the record was
    /// signed with the retired key on or after the day it was compromised.
    @Test func aRetiredKeyVoidsExactlyWhatItSignedOnOrAfterTheCompromiseDate() async throws {
        let keys = (0..<3).map { _ in SigningKey().publicKey }
        await propertyCheck(count: 300, input: Gen.int(in: 0...2), Gen.int(in: 0...60), Gen.int(in: 0...2), Gen.int(in: 0...60)) {
            retired, since, signer, signed in
            var issuer = Issuer(
                id: "https://capacitacion.example.mx", name: "C", rfc: try RFC("CMN150101AB1"), stpsRegistration: nil,
                publicKey: keys[2].base64URL)
            issuer.keyHistory = keys.map(\.base64URL)
            let start = Log.day(2026, 11, 1)
            issuer.compromisedKeys = [KeyCompromise(key: keys[retired].base64URL, since: start.adding(days: since), reason: "robo")]
            let voided = issuer.compromise(voiding: keys[signer], signedOn: start.adding(days: signed))
            #expect((voided != nil) == (signer == retired && signed >= since))
            // The field the log carries reads back as the same compromises.
            #expect(KeyCompromise.parse(issuer.registryFields[KeyCompromise.field]) == issuer.compromisedKeys)
        }
    }

    /// A site whose issuer signed one credential with its first key, then rotated to a second.
    static func rotatedSite() async throws -> (site: RecordLogTests.Site, issued: [RecordService.Issued], current: SigningKey) {
        let site = try await Log.site()
        let issued = try await site.issueUnit(dc3: true)
        let current = SigningKey()
        try await site.service.records.rotateKey(of: site.issuer, to: current.publicKey, reason: "key-1 leaked")
        return (site, issued, current)
    }

    @Test func aRecordSignedOnOrAfterTheCompromiseIsNotValidAndReissueReplacesIt() async throws {
        let (site, issued, current) = try await Self.rotatedSite()
        let retired = try await site.service.retireKey(issuer: site.issuer, keyNumber: 1, since: Log.asOf, reason: "laptop stolen")
        #expect(retired.keyID == "did:web:otro.example.mx#key-1")
        #expect(Set(retired.affected.map(\.serial)) == Set(issued.map(\.record.serial)))
        for item in issued {
            let report = try await site.service.verify(try Log.bytes(item.path), asOf: Log.asOf)
            #expect(report.verdict == "KEY COMPROMISED" && !report.isValid, "\(report.checks)")
            #expect(report.checks.last?.detail.contains("key-1") == true)
        }
        // The rebuilt tables change nothing: the retirement lives in the log.
        let rebuilt = try await site.service.rebuildProjections()
        #expect(rebuilt.remaining.isEmpty, "\(rebuilt.remaining)")
        #expect(try await site.service.verify(try Log.bytes(issued[0].path), asOf: Log.asOf).verdict == "KEY COMPROMISED")
        // Re-issued with the current key: the new records stand, the old ones stay NOT VALID.
        let again = try await site.service.reissue(issued[0].record.serial, key: current, outputFolder: site.folder + "/re", asOf: Log.asOf)
        for item in again {
            let report = try await site.service.verify(try Log.bytes(item.path), asOf: Log.asOf)
            #expect(report.isValid, "\(report.checks)")
        }
        #expect(try await site.service.recordsVoidedByCompromise(issuer: site.issuer).isEmpty)
        #expect(try await site.service.verify(try Log.bytes(issued[0].path), asOf: Log.asOf).verdict == "KEY COMPROMISED")
    }

    @Test func aRecordTheLogDatesBeforeTheCompromiseStaysValid() async throws {
        let (site, issued, _) = try await Self.rotatedSite()
        _ = try await site.service.records.retireKey(
            of: site.issuer, keyNumber: 1, since: try await site.service.progress.today().adding(days: 1), reason: "later")
        for item in issued {
            let report = try await site.service.verify(try Log.bytes(item.path), asOf: Log.asOf)
            #expect(report.isValid, "\(report.checks)")
            #expect(report.checks.contains { $0.name == "key" && $0.detail.contains("before its compromise") })
        }
        #expect(try await site.service.recordsVoidedByCompromise(issuer: site.issuer).isEmpty)
    }

    @Test func theCurrentKeyAnUnknownKeyAndARetiredKeyAreNotRetired() async throws {
        let (site, _, _) = try await Self.rotatedSite()
        for n in [2, 3, 0] {
            await #expect(throws: Refusal.self, "key-\(n)") {
                _ = try await site.service.records.retireKey(of: site.issuer, keyNumber: n, since: Log.asOf, reason: "x")
            }
        }
        await #expect(throws: Refusal.self) {
            _ = try await site.service.records.retireKey(of: site.issuer, keyNumber: 1, since: Log.asOf, reason: "  ")
        }
        _ = try await site.service.records.retireKey(of: site.issuer, keyNumber: 1, since: Log.asOf, reason: "stolen")
        await #expect(throws: Refusal.self) {
            _ = try await site.service.records.retireKey(of: site.issuer, keyNumber: 1, since: Log.asOf, reason: "again")
        }
        // A later rotation carries the retirement on.
        try await site.service.records.rotateKey(of: site.issuer, to: SigningKey().publicKey, reason: "renewed")
        #expect(try await site.service.records.issuer(site.issuer)?.compromisedKeys.count == 1)
    }

    @Test func theDIDDocumentMarksTheKeyRevokedAndTheSiteSaysWhichCredentialsStand() async throws {
        let (site, issued, current) = try await Self.rotatedSite()
        _ = try await site.service.records.retireKey(of: site.issuer, keyNumber: 1, since: Log.asOf, reason: "stolen")
        let folder = try await Self.write(try await site.service.site(issuer: site.issuer, key: current), in: site.folder + "/site")
        let document = try JSONDecoder().decode(
            DIDDocument.self, from: try #require(FileManager.default.contents(atPath: folder + "/.well-known/did.json")))
        let first = try #require(document.verificationMethod.first { $0.id.hasSuffix("#key-1") })
        #expect(first.revoked?.hasPrefix("2026-11-30T") == true)
        #expect(!document.assertionMethod.contains(first.id) && document.assertionMethod.contains { $0.hasSuffix("#key-2") })
        #expect(document.context.contains(DIDDocument.controlledIdentifierContext))
        let bytes = try Log.bytes(issued[0].path)
        let bySite = await OfflineVerifier.verify(bytes, source: try OfflineVerifier.source(didDocument: folder), asOf: Log.asOf)
        #expect(bySite.verdict == "KEY COMPROMISED", "\(bySite.checks)")
        let byFile = await OfflineVerifier.verify(
            bytes, source: try OfflineVerifier.source(didDocument: folder + "/did.json"), asOf: Log.asOf)
        #expect(byFile.verdict == "KEY COMPROMISED", "\(byFile.checks)")
    }

    @Test func theSiteVouchesForACredentialItDatesBeforeTheCompromiseButADocumentAloneDoesNot() async throws {
        let (site, issued, current) = try await Self.rotatedSite()
        _ = try await site.service.records.retireKey(
            of: site.issuer, keyNumber: 1, since: try await site.service.progress.today().adding(days: 1), reason: "later")
        let folder = try await Self.write(try await site.service.site(issuer: site.issuer, key: current), in: site.folder + "/site")
        let bytes = try Log.bytes(issued[0].path)
        let bySite = await OfflineVerifier.verify(bytes, source: try OfflineVerifier.source(didDocument: folder), asOf: Log.asOf)
        #expect(bySite.isValid, "\(bySite.checks)")
        let byFile = await OfflineVerifier.verify(
            bytes, source: try OfflineVerifier.source(didDocument: folder + "/did.json"), asOf: Log.asOf)
        #expect(byFile.verdict == "KEY COMPROMISED", "\(byFile.checks)")
    }

    /// Writes a built site's files under `folder`.
    static func write(_ site: SiteBuild, in folder: String) async throws -> String {
        for (path, bytes) in site.files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return folder
    }
}
