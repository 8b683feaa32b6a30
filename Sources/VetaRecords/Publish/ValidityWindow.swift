import Foundation

/// A credential's validity window as instants: the later of the JWT's `nbf` and the credential's
/// `validFrom`, the earlier of `exp` and `validUntil`. Verification without the store judges
/// validity at an instant against it, so the verifier's time zone cannot move the boundary.
struct ValidityWindow {
    /// Valid from this instant (nil when neither claim parses).
    let from: Date?
    /// Valid until this instant, excluded (nil when the credential does not expire).
    let until: Date?

    init(token: String, credential: AchievementCredential) {
        var nbf: Date?
        var exp: Date?
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, let data = VCJWT.base64URLDecode(String(parts[1])),
            let claims = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            nbf = (claims["nbf"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
            exp = (claims["exp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) }
        }
        from = [nbf, RFC3339.date(credential.validFrom)].compactMap { $0 }.max()
        until = [exp, credential.validUntil.flatMap(RFC3339.date)].compactMap { $0 }.min()
    }

    /// The `validity` check at `instant`.
    func check(at instant: Date) -> VerificationReport.Check {
        let format = Date.ISO8601FormatStyle()
        if let from, instant < from {
            return .init(name: "validity", passed: false, detail: "not valid before \(from.formatted(format))")
        }
        if let until, instant >= until {
            return .init(name: "validity", passed: false, detail: "expired at \(until.formatted(format))")
        }
        return .init(
            name: "validity", passed: true,
            detail: "valid from \(from.map { $0.formatted(format) } ?? "?")" + (until.map { " until \($0.formatted(format))" } ?? "")
                + " (judged at \(instant.formatted(format)))")
    }
}
