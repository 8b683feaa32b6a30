import Foundation
import VetaCurricula
public import VetaProgress

/// The files of an issuer's static site (`veta site build`), by path relative to the site's root.
///
/// Layout: `index.html` (the home page: the issuer and how to verify), `.well-known/did.json` and
/// `did.json` (the DID document), `issuer.json` (the issuer's
/// Profile), `achievements/<CODE>-<VERSION>[-<UNIT>].json`, `status/revocation-1.jwt` (the
/// revocation list), `records/<SERIAL>/index.html` (the verification page) and, for a credential,
/// `records/<SERIAL>/credential.jwt` (with `badge.svg` and `badge.png`, the credential baked in). Everything follows from the log: two builds of the same
/// log give the same bytes.
public struct SiteBuild: Sendable {
    /// The issuer published.
    public let issuer: Issuer
    /// Path → bytes.
    public internal(set) var files: [String: [UInt8]] = [:]
    /// The serials with a page, sorted.
    public internal(set) var records: [String] = []
    /// The status list's set indexes (revoked credentials), sorted.
    public internal(set) var revokedIndexes: [Int] = []
}

extension RecordService {
    /// The site of `issuerID` (nil: the only registered issuer), its documents signed with `key`,
    /// which must be one of the issuer's keys. Refuses (``Refusal``) an unknown or ambiguous issuer,
    /// a key that is not the issuer's, an issuer URL that names no did:web, a log that does not
    /// verify (the same check as issuing: nothing is published from a log that does not verify)
    /// and a record the site would show as VALID that `veta verify` finds no longer backed by
    /// evidence (``SiteRefusal/unbacked(_:)``: revoke or re-issue it first).
    public func site(issuer issuerID: String?, key: SigningKey) async throws -> SiteBuild {
        try await requireIntactLog(publishing: true)
        let issuers = try await records.issuers()
        let issuer: Issuer
        if let issuerID {
            guard let found = issuers.first(where: { $0.id == issuerID || $0.did == issuerID }) else {
                throw Refusal("issuer \(issuerID) is not registered (veta issuer add)")
            }
            issuer = found
        } else {
            guard issuers.count == 1, let only = issuers.first else {
                throw Refusal(
                    issuers.isEmpty
                        ? "no issuer is registered (veta issuer add)"
                        : "the store has \(issuers.count) issuers: name one with --issuer (\(issuers.map(\.id).joined(separator: ", ")))")
            }
            issuer = only
        }
        let did: String
        do { did = try DIDWeb.did(issuerURL: issuer.id) } catch { throw Refusal("issuer \(issuer.id): \(error)") }
        guard let kid = issuer.keyID(for: key.publicKey) else {
            throw Refusal("the key given is not one of issuer \(issuer.id)'s keys: the site's documents are signed with the issuer's key")
        }
        // Only the current key signs the site: a rotated-out key (perhaps compromised) signs nothing new.
        guard issuer.keys.last == key.publicKey else {
            throw Refusal(
                "the key given is \(kid), a rotated-out key of issuer \(issuer.id): the site is signed with its current key \(issuer.keys.last.flatMap { issuer.keyID(for: $0) } ?? "")"
            )
        }
        var site = SiteBuild(issuer: issuer)
        let zone = try await progress.timeZone()
        // A key retired as compromised is revoked from the first instant of its day on the site's calendar.
        let revoked = Dictionary(
            issuer.compromisedKeys.map { ($0.key, RFC3339.string($0.since, in: zone)) }, uniquingKeysWith: { first, _ in first })
        let document = DIDWeb.document(did: did, keys: issuer.keys, revoked: revoked)
        site.files[".well-known/did.json"] = try SiteJSON.encode(document)
        site.files["did.json"] = site.files[".well-known/did.json"]
        site.files["issuer.json"] = try SiteJSON.encode(IssuerProfileDocument(issuer: issuer, did: did))
        site.files["index.html"] = Array(SiteIndexPage.html(issuer: issuer, did: did).utf8)

        var list = BitstringStatusList()
        // The list is as of the newest date it reflects (an issue or an event), never the build's clock.
        guard var listDate = CalendarDate(year: 2000, month: 1, day: 1) else { throw RecordError("no calendar date 2000-01-01") }
        let mine = try await records.records().filter { $0.issuer == issuer.id }.sorted { $0.serial < $1.serial }
        var curricula: [CurriculumRef: Curriculum] = [:]
        var unbacked: [String] = []
        // Every trainee read from the log once: one read per record would pass over the log's registry entries per page.
        let trainees = Dictionary(try await progress.store.trainees().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in mine {
            let curriculum: Curriculum
            if let known = curricula[record.curriculum] {
                curriculum = known
            } else {
                curriculum = try await progress.curriculum(record.curriculum)
                curricula[record.curriculum] = curriculum
            }
            let unit = record.unit.flatMap { curriculum.unit($0) }
            let file = SiteURL.achievementFile(
                code: curriculum.code.rawValue, version: curriculum.version.description, unit: record.unit?.rawValue)
            if site.files["achievements/" + file] == nil {
                let achievement = CredentialBuilder.achievement(curriculum: curriculum, unit: unit, issuer: issuer)
                site.files["achievements/" + file] = try SiteJSON.encode(AchievementDocument(achievement))
            }
            let batch = try await issuance(of: record)
            let events = try await issuanceEvents(record)
            listDate = max(listDate, record.validFrom, events.map(\.date).max() ?? record.validFrom)
            var state: RecordPageContent.State =
                events.contains(where: { $0.kind == .revoked })
                ? .revoked : events.contains(where: { $0.kind == .superseded && $0.serial == record.serial }) ? .superseded : .valid
            // Signed with a key retired as compromised on or before its day: not valid (a revocation still says revoked).
            if state != .revoked, try await compromised(batch, of: issuer) { state = .keyCompromised }
            // A record the store judges NOT VALID (no longer backed by evidence) is never published as VALID.
            if state == .valid, let backing = try await backing(of: record) {
                unbacked.append(
                    "\(record.serial) (\(record.trainee), \(record.curriculum)\(record.unit.map { " \($0)" } ?? "")): \(backing.summary)")
            }
            // The credential of the issuance: this record, or the one issued with a DC-3.
            let credentialRecord = batch.first { $0.format == .ob3 }
            var token: String?
            var claims: AchievementCredential?
            if let credentialRecord, let bytes = try await records.artifact(credentialRecord.serial) {
                token = String(decoding: bytes, as: UTF8.self)
                claims = try? VCJWT.unverifiedCredential(token ?? "").credential
            }
            if record.format == .ob3, let token {
                site.files["records/\(record.serial)/credential.jwt"] = Array(token.utf8)
                site.files[PublishedRecordStatus.path(token: token)] = try SiteJSON.encode(
                    PublishedRecordStatus(serial: record.serial, state: state.rawValue))
                // The credential baked into badge images (Open Badges 3.0 §5.3) for backpacks and wallets.
                let compact = token.trimmingCharacters(in: .whitespacesAndNewlines)
                site.files["records/\(record.serial)/badge.svg"] = Array(
                    try BadgeBaker.svg(credentialJWT: compact, curriculum: curriculum, unit: unit))
                site.files["records/\(record.serial)/badge.png"] = Array(
                    try BadgeBaker.png(credentialJWT: compact, curriculum: curriculum, unit: unit))
                if let status = claims?.credentialStatus, status.type == "BitstringStatusListEntry",
                    status.statusListCredential == StatusListIndex.listURL(issuerURL: issuer.id),
                    let index = status.statusListIndex.flatMap(Int.init), index >= 0
                {
                    // The list covers every index it has a credential for, revoked or not.
                    list.cover(index)
                    if state == .revoked || state == .keyCompromised {
                        list.set(index)
                        site.revokedIndexes.append(index)
                    }
                }
            }
            let trainee = trainees[record.trainee]
            let content = RecordPageContent(
                record: record, issuer: issuer, did: did, curriculum: curriculum, unit: unit,
                traineeName: trainee.map { "\($0.givenNames) \($0.paternalSurname) \($0.maternalSurname)" } ?? record.trainee.rawValue,
                units: claims.map { RecordPageContent.units(fromNarrative: $0.credentialSubject.achievement.criteria.narrative) }
                    ?? (unit.map { ["\($0.code) \($0.title.both)"] }
                        ?? curriculum.units.map { "\($0.code) \($0.title.both)" }),
                state: state, credentialSerial: credentialRecord?.serial, hasCredential: record.format == .ob3 && token != nil,
                statusIndex: claims?.credentialStatus?.statusListIndex, events: events)
            site.files["records/\(record.serial)/index.html"] = Array(content.html.utf8)
            site.records.append(record.serial)
        }
        if !unbacked.isEmpty { throw SiteRefusal.unbacked(unbacked) }
        site.revokedIndexes.sort()
        let listURL = StatusListIndex.listURL(issuerURL: issuer.id)
        // Valid from the first instant of that date in the store's zone: never after the signing instant.
        let statusList = StatusListCredential(
            url: listURL, issuerDID: did, list: list, validFrom: listDate, in: zone)
        site.files["status/revocation-1.jwt"] = Array(try statusList.signed(with: key, kid: kid).utf8)
        return site
    }
}

/// JSON for the site: sorted keys, slashes unescaped, pretty-printed, ending with a newline.
enum SiteJSON {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}

/// The issuer's Profile as a JSON-LD document (Open Badges 3.0 `Profile`).
struct IssuerProfileDocument: Encodable {
    enum CodingKeys: String, CodingKey {
        case context = "@context"
        case id, type, name, url, otherIdentifier
    }
    let context = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    let id: String
    let type = ["Profile"]
    let name: String
    let url: String
    let otherIdentifier: [AchievementCredential.IdentifierEntry]

    init(issuer: Issuer, did: String) {
        id = did
        name = issuer.name
        url = issuer.id
        var others = [AchievementCredential.IdentifierEntry(identifier: issuer.rfc.rawValue, identifierType: "ext:RFC")]
        if let stps = issuer.stpsRegistration {
            others.append(AchievementCredential.IdentifierEntry(identifier: stps, identifierType: "ext:STPSAgentRegistration"))
        }
        otherIdentifier = others
    }
}

/// An Achievement as a JSON-LD document, at its id.
struct AchievementDocument: Encodable {
    let achievement: AchievementCredential.Achievement

    init(_ achievement: AchievementCredential.Achievement) { self.achievement = achievement }

    enum CodingKeys: String, CodingKey { case context = "@context" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(
            ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"], forKey: .context)
        try achievement.encode(to: encoder)
    }
}
