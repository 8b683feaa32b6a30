import Foundation
import JWTKit
public import VetaProgress

/// Signs and verifies Open Badges 3.0 credentials as VC-JWTs (OB 3.0 §8.2) with jwt-kit's EdDSA.
///
/// The credential is the claims set; `iss` = `issuer.id`, `sub` = `credentialSubject.id`,
/// `jti` = `id`, `nbf` = `validFrom`, `exp` = `validUntil`. The header carries `alg: EdDSA`,
/// `typ: JWT` and `kid`: the issuer's key in its DID document (`did:web:…#key-N`); credentials
/// issued before did:web carry the key itself as a `did:key`, so their signature can be checked offline.
public enum VCJWT {
    /// The compact JWS of `credential`, signed with the issuer's key.
    public static func sign(_ credential: AchievementCredential, with key: SigningKey, kid: String? = nil) async throws -> String {
        try await Signer(key, kid: kid).sign(credential)
    }

    /// Signs many credentials with one key, setting jwt-kit's key collection up once.
    public struct Signer: Sendable {
        private let keys: JWTKeyCollection
        private let kid: String

        /// A signer for `key`; the header's `kid` is `kid`, by default the key as a `did:key`.
        public init(_ key: SigningKey, kid: String? = nil) async throws {
            keys = JWTKeyCollection()
            let kid = kid ?? VCJWT.didKey(key.publicKey)
            self.kid = kid
            await keys.add(
                eddsa: try EdDSA.PrivateKey(d: key.seedBase64URL, curve: .ed25519), kid: JWKIdentifier(string: kid),
                serializer: DefaultJWTSerializer(jsonEncoder: ClaimsJSONEncoder()))
        }

        /// The compact JWS of `credential`.
        public func sign(_ credential: AchievementCredential) async throws -> String {
            var header = JWTHeader()
            header.typ = "JWT"
            return try await keys.sign(try Claims(credential), kid: JWKIdentifier(string: kid), header: header)
        }
    }

    /// Verifies the signature with `publicKey` and returns the credential, or throws ``RecordError``.
    public static func verify(_ token: String, with publicKey: PublicSigningKey) async throws -> AchievementCredential {
        let keys = JWTKeyCollection()
        await keys.add(eddsa: try EdDSA.PublicKey(x: publicKey.base64URL, curve: .ed25519))
        do {
            return try await keys.verify(token, as: Claims.self).credential
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw RecordError("the signature does not verify with the issuer's key: the credential was changed or signed by someone else")
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw RecordError("a time claim failed: \(error.reason ?? "expired or not yet valid")")
        } catch let error as RecordError {
            throw error
        } catch {
            throw RecordError("not a valid VC-JWT: \(error)")
        }
    }

    /// The `kid` of a key: `did:key:z6Mk…#z6Mk…`.
    public static func didKey(_ key: PublicSigningKey) -> String {
        "did:key:\(key.multibase)#\(key.multibase)"
    }

    /// The unverified header and claims of a token, to find out who claims to have issued it.
    public static func unverifiedCredential(_ token: String) throws -> (kid: String?, credential: AchievementCredential) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Self.base64URLDecode(String(parts[0])),
            let claimsData = Self.base64URLDecode(String(parts[1]))
        else { throw RecordError("not a compact JWS (three base64url parts)") }
        let header = try? JSONSerialization.jsonObject(with: headerData) as? [String: Any]
        do {
            return (header?["kid"] as? String, try JSONDecoder().decode(AchievementCredential.self, from: claimsData))
        } catch {
            throw RecordError("the claims are not an Open Badges 3.0 credential")
        }
    }

    static func base64URLDecode(_ text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// The claims set: the credential's own fields plus the registered JWT claims mirroring them.
    struct Claims: JWTPayload {
        enum ClaimKeys: String, CodingKey { case iss, sub, jti, nbf, exp }

        let credential: AchievementCredential
        let nbf: NotBeforeClaim
        let exp: ExpirationClaim?

        init(_ credential: AchievementCredential) throws {
            self.credential = credential
            guard let from = RFC3339.date(credential.validFrom) else { throw RecordError("validFrom is not RFC 3339") }
            nbf = NotBeforeClaim(value: from)
            exp = try credential.validUntil.map {
                guard let until = RFC3339.date($0) else { throw RecordError("validUntil is not RFC 3339") }
                return ExpirationClaim(value: until)
            }
        }

        init(from decoder: any Decoder) throws {
            credential = try AchievementCredential(from: decoder)
            let claims = try decoder.container(keyedBy: ClaimKeys.self)
            nbf = try claims.decode(NotBeforeClaim.self, forKey: .nbf)
            exp = try claims.decodeIfPresent(ExpirationClaim.self, forKey: .exp)
            guard try claims.decode(String.self, forKey: .iss) == credential.issuer.id,
                try claims.decode(String.self, forKey: .sub) == credential.credentialSubject.id,
                try claims.decode(String.self, forKey: .jti) == credential.id
            else { throw RecordError("the JWT claims iss, sub and jti do not mirror the credential") }
        }

        func encode(to encoder: any Encoder) throws {
            try credential.encode(to: encoder)
            var claims = encoder.container(keyedBy: ClaimKeys.self)
            try claims.encode(credential.issuer.id, forKey: .iss)
            try claims.encode(credential.credentialSubject.id, forKey: .sub)
            try claims.encode(credential.id, forKey: .jti)
            try claims.encode(nbf, forKey: .nbf)
            try claims.encodeIfPresent(exp, forKey: .exp)
        }

        func verify(using algorithm: some JWTAlgorithm) async throws {
            // Time windows are judged by `veta verify` against the registry and --as-of, not here.
        }
    }
}

/// RFC 3339 timestamps at second precision, UTC.
enum RFC3339 {
    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (the only form Veta writes) without a formatter: one runs per credential.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    static func string(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }
}

/// A record that cannot be issued or does not verify; the message says which check failed.
public struct RecordError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed.
    public let description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
