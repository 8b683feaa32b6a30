import Foundation
import VetaCurricula
import VetaProgress
import VetaServe

/// The centre's side of sync over HTTPS (`veta serve --sync-store`): the same import, refusals and
/// codes as `veta sync import`, and the same bundle `veta sync export --for SITE` writes, signed
/// with the centre's key. A site is served only when the centre knows its key: given with
/// `--sync-site ID=KEY`, or pinned by a bundle of the site imported before. Bundles carry their
/// own signature; a site's GET requests carry a proof signed with its key (``SyncProof``).
struct CentreSync: SyncEndpoint {
    let service: ProgressService
    let key: SigningKey
    /// The sites listed with `--sync-site`, and their keys (base64url).
    let sites: [String: String]
    /// Now, for the proofs' time window.
    var now: @Sendable () -> Date = { Date() }

    func status(site: String, proof: String?, path: String) async -> SyncAnswer {
        await answering {
            let partner = try await authenticate(site: site, proof: proof, method: "GET", path: path)
            let me = try await service.requiredSiteIdentity()
            return .json(200, try JSONOutput.encode(SyncStatus(site: me.id, role: me.role.rawValue, holds: partner.through)))
        }
    }

    func receive(_ bytes: [UInt8]) async -> SyncAnswer {
        await answering {
            let sender = try SyncBundle(reading: bytes, name: "the bundle sent").body
            let pinned = try await service.syncPartner(sender.site).publicKey
            guard let known = sites[sender.site] ?? pinned else { throw Self.unknown(sender.site) }
            guard known == sender.publicKey else {
                throw SyncError(
                    .key, "the bundle sent by \(sender.site) is signed with another key than the one this centre holds for \(sender.site)",
                    fix: "push with the key \(sender.site) always used, or ask the committee to confirm the site's new key")
            }
            let report = try await service.importBundle(bytes, name: "the bundle sent by \(sender.site)")
            return .json(200, try JSONOutput.encode(report))
        }
    }

    func bundle(for site: String, since: Int64?, proof: String?, path: String) async -> SyncAnswer {
        await answering {
            _ = try await authenticate(site: site, proof: proof, method: "GET", path: path)
            let (bytes, _) = try await service.exportBundle(key: key, for: site, since: since)
            return SyncAnswer(status: 200, contentType: SyncRoutes.bundleType, body: bytes)
        }
    }

    /// What the centre knows of `site`, once the request's proof verifies with the site's key.
    private func authenticate(site: String, proof: String?, method: String, path: String) async throws -> SyncPartner {
        if let problem = SiteIdentity.problem(site) { throw Refusal("not a site id: \(problem)") }
        let partner = try await service.syncPartner(site)
        guard let known = sites[site] ?? partner.publicKey, let publicKey = try? PublicSigningKey(known) else { throw Self.unknown(site) }
        try SyncProof.check(proof, site: site, method: method, path: path, key: publicKey, now: now())
        return partner
    }

    static func unknown(_ site: String) -> SyncError {
        SyncError(
            .site, "this centre does not know site \(site)'s key",
            fix: "start veta serve with --sync-site \(site)=KEY (the site's public key), or import a first bundle of \(site) from a file")
    }

    /// The answer of `body`, or the JSON error document `veta sync import --format json` prints, with a fitting status.
    private func answering(_ body: () async throws -> SyncAnswer) async -> SyncAnswer {
        do {
            return try await body()
        } catch let error as SyncError {
            return .error(Self.status(of: error.code), code: error.code.rawValue, exitCode: 1, message: error.description)
        } catch let error as SyncProof.Failure {
            return .error(401, code: "sync-proof", exitCode: 1, message: error.description)
        } catch let refusal as Refusal {
            return .error(422, code: "refused", exitCode: 1, message: refusal.description)
        } catch let error as StoreError where error.kind != .storage {
            return .error(422, code: "refused", exitCode: 1, message: error.message)
        } catch let error as StoreError {
            return .error(500, code: "storage", exitCode: 2, message: error.message)
        } catch {
            return .error(500, code: "internal", exitCode: 2, message: "\(error)")
        }
    }

    /// The HTTP status of a sync refusal: the bundle is not one (400), does not verify (422), or
    /// does not fit what the centre holds (409); an unknown site is 403.
    static func status(of code: SyncError.Code) -> Int {
        switch code {
        case .format: 400
        case .signature, .chain: 422
        case .key, .rollback, .gap: 409
        case .site: 403
        }
    }
}

/// `GET /sync/status`: the centre's id and role, and the last of the site's entries it holds.
struct SyncStatus: Codable, Equatable {
    let site: String
    let role: String
    let holds: Int64
}

/// A site's proof on a sync request: the header `Veta-Sync-Proof: SITE UNIXTIME SIGNATURE`, the
/// Ed25519 signature (base64url) over `veta-sync-request 1\nMETHOD\nPATH\nSITE\nUNIXTIME\n` with the
/// site's key, within five minutes of the centre's clock.
enum SyncProof {
    /// How far a proof's time may be from the centre's clock, in seconds.
    static let window: Int64 = 300

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func unbase64URL(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }

    static func bytes(method: String, path: String, site: String, time: Int64) -> [UInt8] {
        Array("veta-sync-request 1\n\(method)\n\(path)\n\(site)\n\(time)\n".utf8)
    }

    /// The header's value for a request.
    static func make(key: SigningKey, site: String, method: String, path: String, now: Date = Date()) throws -> String {
        let time = Int64(now.timeIntervalSince1970)
        return "\(site) \(time) \(SyncProof.base64URL(try key.signature(for: bytes(method: method, path: path, site: site, time: time))))"
    }

    static func check(_ proof: String?, site: String, method: String, path: String, key: PublicSigningKey, now: Date) throws {
        let fix = "; run the command again with the site's own --key (and check both clocks)"
        guard let proof else { throw Failure(description: "the request carries no proof of site \(site)" + fix) }
        let parts = proof.split(separator: " ").map(String.init)
        guard parts.count == 3, parts[0] == site, let time = Int64(parts[1]), let signature = SyncProof.unbase64URL(parts[2]) else {
            throw Failure(description: "the request's proof is not one of site \(site)" + fix)
        }
        guard abs(time - Int64(now.timeIntervalSince1970)) <= window else {
            throw Failure(description: "the request's proof is more than \(window / 60) minutes from the centre's clock" + fix)
        }
        guard key.isValidSignature(signature, for: bytes(method: method, path: path, site: site, time: time)) else {
            throw Failure(description: "the request's proof does not verify with site \(site)'s key" + fix)
        }
    }
}
