import Crypto
public import Foundation
import JWTKit
public import VetaCurricula
public import VetaProgress

/// The claims of every credential of one achievement and issuer, encoded once: the bytes that are
/// the same for every trainee, cut where a value differs per credential (a hole), so each
/// credential is its literal bytes and hole values appended in turn.
///
/// The template is made from the claims writer itself (``CredentialBuilder`` and the writer of
/// ``VCJWT``'s claims), never written by hand: the credential is encoded with stand-in values in
/// the holes and cut at them, then encoded again with other stand-ins and another trainee, and
/// the template is kept only when filling it with those gives exactly that second encoding. So a
/// field added to the credential that is the same for every trainee needs no change here, and
/// one that is not (other than the holes) makes ``make(curriculum:unit:achieved:issuer:shape:)``
/// return nil: the caller then builds each credential in full, never a wrong one.
public struct CredentialTemplate: Sendable {
    /// A value that differs per credential.
    enum Hole: CaseIterable, Sendable {
        case serial, statusIndex, validFrom, validUntil, notBefore, expires, subjectHash, salt, checkpointSize, checkpointHash
    }

    /// Which optional parts the credentials of a template have.
    public struct Shape: Hashable, Sendable {
        /// Whether the credential has `validUntil` (and the JWT `exp`).
        public var validUntil: Bool
        /// Whether the credential has the checkpoint evidence.
        public var checkpoint: Bool

        /// Creates a shape.
        public init(validUntil: Bool, checkpoint: Bool) {
            self.validUntil = validUntil
            self.checkpoint = checkpoint
        }
    }

    /// The values of one credential.
    public struct Values: Sendable {
        /// The record's serial.
        public var serial: String
        /// The completion date.
        public var validFrom: CalendarDate
        /// The expiry, if any.
        public var validUntil: CalendarDate?
        /// The trainee's CURP (only its salted hash is written).
        public var curp: CURP
        /// The salt of the hash.
        public var salt: String
        /// The checkpoint of the issuer's log the credential is issued at, if any.
        public var checkpoint: (size: Int64, hash: String)?
        /// The site's time zone the dates are local days of (as ``CredentialBuilder`` takes it);
        /// nil: UTC days.
        public var timeZone: TimeZone? = nil

        /// Creates the values of one credential.
        public init(
            serial: String, validFrom: CalendarDate, validUntil: CalendarDate?, curp: CURP, salt: String,
            checkpoint: (size: Int64, hash: String)?
        ) {
            self.serial = serial
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.curp = curp
            self.salt = salt
            self.checkpoint = checkpoint
        }

        /// The optional parts these values fill.
        public var shape: Shape { Shape(validUntil: validUntil != nil, checkpoint: checkpoint != nil) }
    }

    /// The bytes between holes: one more than `holes`.
    private let literals: [[UInt8]]
    private let holes: [Hole]
    private let size: Int
    /// The optional parts of every credential of this template.
    public let shape: Shape
    /// The literals kept base64url-encoded too, for signing inputs (``signingInput(_:after:)``).
    private let encoded: [Base64URLStream.Literal]

    private init(literals: [[UInt8]], holes: [Hole], size: Int, shape: Shape) {
        self.literals = literals
        self.holes = holes
        self.size = size
        self.shape = shape
        encoded = literals.map(Base64URLStream.Literal.init)
    }

    /// The template for credentials of `curriculum` (or `unit` of it) by `issuer`, `achieved` as
    /// ``CredentialBuilder/credential(serial:curriculum:unit:trainee:issuer:validFrom:validUntil:salt:achieved:)``
    /// takes it; nil when the credential has a part that differs per trainee other than the holes.
    public static func make(
        curriculum: Curriculum, unit: VetaCurricula.Unit?, achieved: [VetaCurricula.Unit]?, issuer: Issuer, shape: Shape
    ) -> CredentialTemplate? {
        guard let first = StandIn.first.trainee, let second = StandIn.second.trainee,
            let cut = try? encode(StandIn.first, first, curriculum, unit, achieved, issuer, shape),
            let check = try? encode(StandIn.second, second, curriculum, unit, achieved, issuer, shape)
        else { return nil }
        var literals: [[UInt8]] = []
        var holes: [Hole] = []
        var literal: [UInt8] = []
        var index = 0
        let patterns = Hole.allCases.map { ($0, Array(StandIn.first.text($0).utf8)) }
        outer: while index < cut.count {
            for (hole, pattern) in patterns where cut[index] == pattern[0] && cut[index...].starts(with: pattern) {
                literals.append(literal)
                literal = []
                holes.append(hole)
                index += pattern.count
                continue outer
            }
            literal.append(cut[index])
            index += 1
        }
        literals.append(literal)
        let template = CredentialTemplate(literals: literals, holes: holes, size: cut.count, shape: shape)
        guard template.fill({ StandIn.second.text($0) }) == check else { return nil }
        return template
    }

    /// Whether the credential with `values` has the parts this template holds: its shape, and a
    /// serial with a status list index (``StatusListIndex``), as every template's credential has.
    public func fits(_ values: Values) -> Bool {
        values.shape == shape && (try? StatusListIndex.of(serial: values.serial)) != nil
    }

    /// The claims (JSON) of the credential with `values`: byte for byte what the credential built
    /// in full encodes to. Throws ``RecordError`` as ``VCJWT`` does for a date it cannot write, and
    /// when the values do not fit the template (``fits(_:)``).
    public func claims(_ values: Values) throws -> [UInt8] {
        fill(try texts(values))
    }

    /// The JWS signing input of the credential with `values`: `prefix` (the header's base64url and
    /// its dot, ``CredentialSigner/headerPrefix``), then the base64url of ``claims(_:)``, byte for
    /// byte, with the literals' encodings made once per template (``Base64URLStream``). Throws as
    /// ``claims(_:)`` does.
    func signingInput(_ values: Values, after prefix: [UInt8]) throws -> [UInt8] {
        let text = try texts(values)
        var stream = Base64URLStream(prefix: prefix, capacity: prefix.count + Base64URLBytes.length(size + 256) + 1 + 86)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)
        for (literal, hole) in zip(encoded, holes) {
            stream.append(literal)
            scratch.removeAll(keepingCapacity: true)
            JSONBytes.appendEscaped(text(hole), to: &scratch)
            stream.append(bytes: scratch[...])
        }
        stream.append(encoded[encoded.count - 1])
        return stream.finish()
    }

    /// The text of each hole for `values`.
    private func texts(_ values: Values) throws -> (Hole) -> String {
        guard values.shape == shape else {
            throw RecordError("the credential's values have another shape (validUntil, checkpoint) than its template's")
        }
        let statusIndex = try StatusListIndex.of(serial: values.serial)
        let subjectHash = SHA256Hex.of(Array((values.curp.rawValue + values.salt).utf8))
        func text(_ date: CalendarDate) -> String { values.timeZone.map { RFC3339.string(date, in: $0) } ?? RFC3339.string(date) }
        let from = text(values.validFrom)
        let until = values.validUntil.map(text)
        guard let notBefore = RFC3339.date(from) else { throw RecordError("validFrom is not RFC 3339") }
        let expires = try until.map {
            guard let date = RFC3339.date($0) else { throw RecordError("validUntil is not RFC 3339") }
            return date
        }
        return { hole in
            switch hole {
            case .serial: values.serial
            case .statusIndex: String(statusIndex)
            case .validFrom: from
            case .validUntil: until ?? ""
            case .notBefore: String(Int(notBefore.timeIntervalSince1970))
            case .expires: expires.map { String(Int($0.timeIntervalSince1970)) } ?? ""
            case .subjectHash: subjectHash
            case .salt: values.salt
            case .checkpointSize: values.checkpoint.map { String($0.size) } ?? ""
            case .checkpointHash: values.checkpoint?.hash ?? ""
            }
        }
    }

    /// The literals with each hole's text (JSON-escaped) between them.
    private func fill(_ text: (Hole) -> String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 64)
        for (literal, hole) in zip(literals, holes) {
            bytes.append(contentsOf: literal)
            JSONBytes.appendEscaped(text(hole), to: &bytes)
        }
        bytes.append(contentsOf: literals[literals.count - 1])
        return bytes
    }

    /// The claims the full builder and the claims writer give with `standIn`'s values in the holes.
    private static func encode(
        _ standIn: StandIn, _ trainee: Trainee, _ curriculum: Curriculum, _ unit: VetaCurricula.Unit?, _ achieved: [VetaCurricula.Unit]?,
        _ issuer: Issuer, _ shape: Shape
    ) throws -> [UInt8] {
        let day = CalendarDate(year: 2000, month: 1, day: 1) ?? .earliest
        var credential = CredentialBuilder.credential(
            serial: standIn.text(.serial), curriculum: curriculum, unit: unit, trainee: trainee, issuer: issuer, validFrom: day,
            validUntil: shape.validUntil ? day : nil, salt: standIn.text(.salt), achieved: achieved)
        // The values the builder derives from the serial, the trainee and the dates, replaced by stand-ins.
        credential.credentialStatus = AchievementCredential.CredentialStatus(
            revocationIndex: standIn.number(.statusIndex), list: StatusListIndex.listURL(issuerURL: issuer.id))
        let hash = standIn.text(.subjectHash)
        credential.validFrom = standIn.text(.validFrom)
        if shape.validUntil { credential.validUntil = standIn.text(.validUntil) }
        credential.credentialSubject.id = "urn:veta:subject:" + hash
        for index in credential.credentialSubject.identifier.indices {
            credential.credentialSubject.identifier[index].identityHash = "sha256$" + hash
        }
        if shape.checkpoint {
            guard let size = Int64(standIn.text(.checkpointSize)) else { throw RecordError("stand-in size") }
            credential.evidence = [CredentialBuilder.checkpointEvidence(size: size, hash: standIn.text(.checkpointHash))]
        }
        let claims = VCJWT.Claims(
            credential: credential, notBefore: standIn.number(.notBefore), expires: shape.validUntil ? standIn.number(.expires) : nil)
        var json = JSONBytes()
        claims.write(to: &json)
        return json.bytes
    }

    /// Two sets of stand-ins: texts no curriculum or issuer holds by chance (and if one did, the
    /// check against the second set fails and no template is made).
    private enum StandIn {
        case first, second

        var tag: String { self == .first ? "Qx7" : "Zk4" }

        func text(_ hole: Hole) -> String {
            switch hole {
            case .notBefore: String(number(.notBefore))
            case .expires: String(number(.expires))
            case .checkpointSize: String(number(.checkpointSize))
            case .statusIndex: String(number(.statusIndex))
            default: "vetaHole\(tag)\(hole)End"
            }
        }

        func number(_ hole: Hole) -> Int {
            let base = self == .first ? 7_301_846_205_000 : 7_309_113_572_000
            return switch hole {
            case .notBefore: base + 11
            case .expires: base + 22
            case .statusIndex: base + 44
            default: base + 33
            }
        }

        /// A trainee whose data differs from the other stand-in's in every field.
        var trainee: Trainee? {
            let curp = try? CURP(self == .first ? "GALA900101MZSRPN05" : "PERL850607HZSRRS04")
            let employer = try? RFC(self == .first ? "MFR110315AB1" : "CMN150101AB1")
            guard let curp, let employer else { return nil }
            return Trainee(
                id: TraineeID("vetaHole\(tag)Trainee"), paternalSurname: "P\(tag)", maternalSurname: "M\(tag)", givenNames: "G\(tag)",
                curp: curp, employer: employer, occupation: "O\(tag)", jobTitle: "J\(tag)")
        }
    }
}

extension VCJWT.Claims {
    /// Claims with the given `nbf` and `exp` (seconds since 1970), for the template's stand-ins.
    init(credential: AchievementCredential, notBefore: Int, expires: Int?) {
        self.credential = credential
        nbf = NotBeforeClaim(value: Date(timeIntervalSince1970: TimeInterval(notBefore)))
        exp = expires.map { ExpirationClaim(value: Date(timeIntervalSince1970: TimeInterval($0))) }
    }
}
