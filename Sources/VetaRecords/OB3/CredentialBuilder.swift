import Crypto
public import Foundation
public import VetaCurricula
public import VetaProgress

/// Builds the Open Badges 3.0 credential of a completion from the curriculum, the trainee and the issuer.
public enum CredentialBuilder {
    /// The credential for `trainee`'s completion of `curriculum` (or of one of its units).
    ///
    /// The issuer is named by its `did:web` (``Issuer/did``), the achievement by its URL on the
    /// issuer's site (``SiteURL``), and the revocation bit by a `BitstringStatusListEntry` at the
    /// serial's ``StatusListIndex``. The issuing service refuses an issuer URL that names no
    /// did:web, or a serial with no index, before building.
    ///
    /// - Parameters:
    ///   - salt: Random hex; the subject is identified by sha256(CURP + salt), never the raw CURP.
    ///   - achieved: For a curriculum, the units the trainee achieved (``AchievedHours/units(_:in:unit:)``):
    ///     `creditsAvailable` is their hours and the criteria list them; nil lists every unit and
    ///     states the curriculum's volume.
    ///   - timeZone: The site's time zone (``ProgressService/timeZone()``): `validFrom` is the first
    ///     instant of that local day and `validUntil` the first instant of the local day the record
    ///     is no longer valid (``VetaProgress/CalendarDate/firstInstant(in:)``), both written in UTC,
    ///     so the credential expires when `veta verify` on the site's calendar says it does.
    public static func credential(
        serial: String, curriculum: Curriculum, unit: VetaCurricula.Unit?, trainee: Trainee, issuer: Issuer, validFrom: CalendarDate,
        validUntil: CalendarDate?, salt: String, achieved: [VetaCurricula.Unit]? = nil, timeZone: TimeZone = .gmt
    ) -> AchievementCredential {
        let identityHash = "sha256$" + SHA256Hex.of(Array((trainee.curp.rawValue + salt).utf8))
        let achievement = achievement(curriculum: curriculum, unit: unit, issuer: issuer, achieved: achieved)
        var otherIdentifiers = [AchievementCredential.IdentifierEntry(identifier: issuer.rfc.rawValue, identifierType: "ext:RFC")]
        if let stps = issuer.stpsRegistration {
            otherIdentifiers.append(AchievementCredential.IdentifierEntry(identifier: stps, identifierType: "ext:STPSAgentRegistration"))
        }
        return AchievementCredential(
            id: "urn:veta:record:\(serial)",
            issuer: AchievementCredential.Profile(id: issuer.did, name: issuer.name, url: issuer.id, otherIdentifier: otherIdentifiers),
            validFrom: RFC3339.string(validFrom, in: timeZone), validUntil: validUntil.map { RFC3339.string($0, in: timeZone) },
            name: achievement.name,
            description: "Constancia de competencias emitida por \(issuer.name). Completion record issued by \(issuer.name).",
            credentialSubject: AchievementCredential.AchievementSubject(
                id: "urn:veta:subject:" + identityHash.dropFirst("sha256$".count),
                identifier: [AchievementCredential.IdentityObject(identityHash: identityHash, salt: salt)], achievement: achievement),
            credentialStatus: (try? StatusListIndex.of(serial: serial)).map {
                AchievementCredential.CredentialStatus(revocationIndex: $0, list: StatusListIndex.listURL(issuerURL: issuer.id))
            })
    }

    /// The achievement of `curriculum` (or of one of its units) as ``credential(serial:curriculum:unit:trainee:issuer:validFrom:validUntil:salt:achieved:)``
    /// states it, with its id on the issuer's site; `achieved` nil states every unit (the published JSON-LD).
    public static func achievement(
        curriculum: Curriculum, unit: VetaCurricula.Unit?, issuer: Issuer, achieved: [VetaCurricula.Unit]? = nil
    ) -> AchievementCredential.Achievement {
        let title = unit?.title ?? curriculum.title
        return AchievementCredential.Achievement(
            id: SiteURL.achievement(
                issuerURL: issuer.id, code: curriculum.code.rawValue, version: curriculum.version.description, unit: unit?.code.rawValue),
            achievementType: unit == nil ? "Certification" : "Competency",
            name: title.both,
            description: unit.map { [$0.title.es, $0.title.en].filter { !$0.isEmpty }.map { "\($0)." }.joined(separator: " ") }
                ?? [curriculum.description.es, curriculum.description.en].filter { !$0.isEmpty }.joined(separator: "\n\n"),
            criteria: AchievementCredential.Criteria(narrative: narrative(curriculum: curriculum, unit: unit, achieved: achieved)),
            humanCode: unit?.code.rawValue ?? curriculum.code.rawValue,
            creditsAvailable: Double(unit?.hours ?? achieved.map(AchievedHours.hours(of:)) ?? curriculum.volumeOfLearningHours),
            alignment: alignments(curriculum, unit: unit).isEmpty ? nil : alignments(curriculum, unit: unit))
    }

    /// The evidence naming the checkpoint of the issuer's log a credential was issued at: the log's
    /// size (last sequence) and head hash then, `urn:veta:log:SIZE:HASH`. The record's entry in the
    /// log carries the same pair, so a credential is a witness that the log once held that state.
    public static func checkpointEvidence(size: Int64, hash: String) -> AchievementCredential.Evidence {
        AchievementCredential.Evidence(
            id: "urn:veta:log:\(size):\(hash)", name: "Log checkpoint at issue / Punto de control del registro al emitir",
            narrative: "Issued when the issuer's hash-chained log held \(size) entries, the last with sha256 \(hash).",
            genre: "LogCheckpoint")
    }

    /// Random salt, 16 bytes as hex, from one read of the system's random source (``Salts``).
    public static func salt() -> String {
        Salts.make(1)[0]
    }

    static func narrative(curriculum: Curriculum, unit: VetaCurricula.Unit?, achieved: [VetaCurricula.Unit]? = nil) -> String {
        let units = unit.map { [$0] } ?? achieved ?? curriculum.units
        let lines = units.map { u in
            "- \(u.code) \(u.title.both) (\(u.hours) h, \(u.elements.count) elementos / elements)"
                + (u.provenance.map { "; fuente / source: \($0.summary)" } ?? "")
        }
        let head =
            unit == nil
            ? "Cumplió las reglas de integración de \(curriculum.code) \(curriculum.version) con las unidades evaluadas y firmadas por un evaluador autorizado. Met the packaging rules of \(curriculum.code) \(curriculum.version) with units assessed and signed off by an authorised assessor."
            : "Demostró todos los criterios de desempeño y conocimientos de la unidad, firmada por un evaluador autorizado. Showed every performance criterion and knowledge item of the unit, signed off by an authorised assessor."
        return ([head] + lines).joined(separator: "\n")
    }

    static func alignments(_ curriculum: Curriculum) -> [AchievementCredential.Alignment] {
        curriculum.references.map { reference in
            let framework: String? =
                switch reference.kind {
                case .ec: "CONOCER"
                case .nom: "STPS NOM"
                case .unit: "Training package unit"
                case .other: nil
                }
            let code = reference.code + (reference.clause.map { " §\($0)" } ?? "")
            return AchievementCredential.Alignment(
                targetName: reference.text.isEmpty ? code : reference.text,
                targetUrl: "urn:veta:standard:\(reference.kind.rawValue):\(reference.code)" + (reference.clause.map { ":\($0)" } ?? ""),
                targetCode: code, targetFramework: framework)
        }
    }
}
