public import Foundation
public import VetaProgress

/// Verifies a credential without the issuer's store: with the issuer's DID document (a file, or
/// the `.well-known/did.json` of a site folder), a trusted public key, or the `did:key` a credential
/// issued before did:web carries. The report says which checks were made and which could not be.
public enum OfflineVerifier {
    /// Where the issuer's key comes from.
    public enum KeySource: Sendable {
        /// A DID document; `site` is the site folder it came from, whose status list is then checked.
        case didDocument(DIDDocument, site: String?)
        /// A public key the verifier trusts.
        case trustedKey(PublicSigningKey)
        /// The key the credential's own `kid` embeds (`did:key:…`), for credentials issued before did:web.
        case embeddedDIDKey
    }

    /// Reads a DID document from a file, or from a folder: a site folder (`.well-known/did.json`,
    /// then also that site's status list), or, for an issuer whose did:web has a path
    /// (`did:web:host:a:b`, `issuerDID`), the host's web root holding the site under that path
    /// (`a/b/did.json`, as did:web resolves it). ``RecordError`` when it is none of these.
    public static func source(didDocument path: String, issuerDID: String? = nil) throws -> KeySource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RecordError("no DID document or site folder at \(path)")
        }
        var file = path
        var site: String?
        if isDirectory.boolValue {
            let segments = issuerDID.flatMap(DIDWeb.url(did:)).flatMap { try? IssuerURL.parts($0).segments } ?? []
            let underPath = ([path] + segments).joined(separator: "/")
            let hosted = !segments.isEmpty && FileManager.default.fileExists(atPath: underPath + "/did.json")
            file = hosted ? underPath + "/did.json" : path + "/.well-known/did.json"
            site = hosted ? underPath : path
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RecordError(
                "\(path) is a folder without .well-known/did.json"
                    + (issuerDID.map { " (or the did.json of \($0) under its path)" } ?? "") + ": not a site veta built")
        }
        guard let document = try? JSONDecoder().decode(DIDDocument.self, from: data) else {
            throw RecordError("\(file) is not a DID document with Ed25519 JWK verification methods")
        }
        return .didDocument(document, site: site)
    }

    /// Verifies the VC-JWT `bytes` as of `date`, or at `instant` when given: then validity is
    /// judged by the JWT's `nbf`/`exp` and the credential's `validFrom`/`validUntil` instants
    /// (the stricter of each), not by a calendar date in the machine's zone.
    ///
    /// With ``KeySource/embeddedDIDKey`` the report is never VALID: the did:key proves who holds
    /// the key, not that the named issuer does; a credential whose other checks all pass gets the
    /// verdict `SIGNATURE VALID, ISSUER NOT AUTHENTICATED`.
    public static func verify(_ bytes: [UInt8], source: KeySource, asOf date: CalendarDate, at instant: Date? = nil) async
        -> VerificationReport
    {
        var checks: [VerificationReport.Check] = []
        var unchecked = [
            VerificationReport.Check(
                name: "registry", passed: false,
                detail: "not checked: without the issuer's store, the log (registration, supersession, backing evidence) was not consulted")
        ]
        func done(_ serial: String?) -> VerificationReport { VerificationReport(serial: serial, checks: checks, unchecked: unchecked) }
        func fail(_ name: String, _ detail: String, _ serial: String? = nil) -> VerificationReport {
            checks.append(.init(name: name, passed: false, detail: detail))
            return done(serial)
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            return fail(
                "format",
                "a DC-3 constancia carries no signature of its own: it is verified against the issuer's store (--store), or verify the credential issued with it"
            )
        }
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let claimed: (kid: String?, credential: AchievementCredential)
        do { claimed = try VCJWT.unverifiedCredential(token) } catch { return fail("format", "\(error)") }
        let credential = claimed.credential
        let serial = credential.id.replacingOccurrences(of: "urn:veta:record:", with: "")
        let kid = claimed.kid ?? ""
        let key: PublicSigningKey
        switch source {
        case .didDocument(let document, _):
            guard credential.issuer.id == document.id else {
                return fail("issuer", "the credential's issuer \(credential.issuer.id) is not the DID document's \(document.id)", serial)
            }
            guard kid.hasPrefix(document.id + "#"), let found = document.key(kid) else {
                return fail("key", "the credential's kid \(kid.isEmpty ? "(none)" : kid) names no key of \(document.id)", serial)
            }
            checks.append(.init(name: "issuer", passed: true, detail: "\(credential.issuer.name) (\(document.id))"))
            checks.append(.init(name: "key", passed: true, detail: "\(kid) from the issuer's DID document"))
            key = found
        case .trustedKey(let trusted):
            checks.append(.init(name: "key", passed: true, detail: "the trusted key \(trusted.multibase) (the issuer is not resolved)"))
            key = trusted
        case .embeddedDIDKey:
            let prefix = "did:key:"
            guard kid.hasPrefix(prefix), let hash = kid.firstIndex(of: "#"),
                let embedded = try? PublicSigningKey(String(kid[kid.index(kid.startIndex, offsetBy: prefix.count)..<hash]))
            else {
                return fail(
                    "key",
                    "the credential's kid \(kid.isEmpty ? "(none)" : kid) embeds no key (not a did:key): give --did-document or --trusted-key",
                    serial)
            }
            checks.append(
                .init(
                    name: "key", passed: true,
                    detail: "the did:key in the credential's kid (it proves who holds the key, not that \(credential.issuer.id) does)"))
            key = embedded
        }
        do {
            _ = try await VCJWT.verify(token, with: key)
            checks.append(.init(name: "signature", passed: true, detail: "Ed25519 signature verifies"))
        } catch {
            return fail("signature", "\(error)", serial)
        }
        // A key retired as compromised: what it signed stands only where the issuer's site dates it before.
        if case .didDocument(let document, let site) = source,
            let revocation = keyRevocationCheck(
                kid: kid, document: document, site: site, token: token, credential: credential, serial: serial)
        {
            checks.append(revocation)
            if !revocation.passed { return done(serial) }
        }
        if case .didDocument(let document, let site?) = source {
            let status = statusCheck(credential, document: document, site: site)
            if let status {
                checks.append(status)
                if !status.passed { return done(serial) }
            } else {
                unchecked.append(
                    .init(name: "status", passed: false, detail: "not checked: the credential carries no BitstringStatusListEntry"))
            }
        } else {
            unchecked.append(
                .init(
                    name: "status", passed: false,
                    detail: "not checked: give the site folder (--did-document SITE-DIR) to check the status list"))
        }
        // The site must publish the credential (a valid key can sign what the issuer never issued), and says whether it was superseded.
        if case .didDocument(_, let site?) = source {
            let published = PublishedRecordStatus.check(token: token, serial: serial, site: site)
            checks.append(published)
            if !published.passed { return done(serial) }
        }
        if let instant {
            checks.append(ValidityWindow(token: token, credential: credential).check(at: instant))
        } else if let from = CalendarDate(String(credential.validFrom.prefix(10))), from > date {
            checks.append(.init(name: "validity", passed: false, detail: "not valid before \(from)"))
        } else if let until = credential.validUntil.flatMap({ CalendarDate(String($0.prefix(10))) }), until <= date {
            checks.append(.init(name: "validity", passed: false, detail: "expired on \(until)"))
        } else {
            let until = credential.validUntil.flatMap { CalendarDate(String($0.prefix(10))) }
            checks.append(
                .init(
                    name: "validity", passed: true,
                    detail: "valid from \(credential.validFrom.prefix(10))" + (until.map { " until \($0)" } ?? "")))
        }
        if case .embeddedDIDKey = source, checks.allSatisfy(\.passed) {
            checks.append(
                .init(
                    name: VerificationReport.issuerNotAuthenticated, passed: false,
                    detail:
                        "the signature verifies with the did:key the credential carries, but nothing binds that key to \(credential.issuer.id): give --did-document or --trusted-key to authenticate the issuer"
                ))
        }
        return done(serial)
    }

    /// The status list check against the site's `status/revocation-1.jwt`: a failed check named
    /// `revocation` when the bit is set; nil when the credential has no bitstring status entry.
    static func statusCheck(_ credential: AchievementCredential, document: DIDDocument, site: String) -> VerificationReport.Check? {
        guard let status = credential.credentialStatus, status.type == "BitstringStatusListEntry",
            let index = status.statusListIndex.flatMap(Int.init), let listURL = status.statusListCredential
        else { return nil }
        let path = site + "/status/revocation-1.jwt"
        guard let data = FileManager.default.contents(atPath: path) else {
            return .init(name: "status", passed: false, detail: "the site has no status/revocation-1.jwt")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let (kid, _) = try CompactJWS.parts(token)
            guard let kid, let key = document.key(kid) else {
                throw RecordError("the status list's kid names no key of \(document.id)")
            }
            let payload = try CompactJWS.verify(token, with: key)
            let list = try JSONDecoder().decode(StatusListCredential.self, from: Data(payload))
            guard list.id == listURL, list.issuer == document.id, list.credentialSubject.statusPurpose == "revocation" else {
                throw RecordError("the site's status list is not the one the credential names (\(listURL))")
            }
            let bits = try BitstringStatusList.decode(list.credentialSubject.encodedList)
            if bits.isSet(index) {
                return .init(name: "revocation", passed: false, detail: "REVOKED: bit \(index) of \(listURL) is set")
            }
            return .init(name: "status", passed: true, detail: "bit \(index) of the signed status list \(listURL) is clear (not revoked)")
        } catch {
            return .init(name: "status", passed: false, detail: "the site's status list does not verify: \(error)")
        }
    }
}
