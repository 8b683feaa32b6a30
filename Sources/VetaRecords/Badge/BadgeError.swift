public import VetaErrors

/// A failure baking a credential into a badge image or reading one back out.
///
/// Each error has a stable `code`, a message naming what is wrong, and a fix (``CodedError``).
public typealias BadgeError = CodedError<BadgeFailure>

/// The domain of ``BadgeError``.
public enum BadgeFailure: CodedErrorDomain {}

extension CodedError where Domain == BadgeFailure {
    /// The text to bake is not a compact JWT (three base64url parts).
    static func notJWT() -> BadgeError {
        BadgeError(
            code: "VETA-BADGE-001", message: "the credential to bake is not a compact JWT (three base64url parts separated by dots).",
            fix: "bake the .jwt file veta issue wrote for the credential.")
    }

    /// The file is not a PNG or SVG badge Veta can read.
    static func notABadge(_ detail: String) -> BadgeError {
        BadgeError(
            code: "VETA-BADGE-002", message: "not a baked badge: \(detail).",
            fix: "give a PNG with an iTXt chunk 'openbadgecredential' or an SVG with an <openbadges:credential> element.")
    }

    /// The badge image is damaged (a bad chunk, a CRC that does not match, XML that does not parse).
    static func damaged(_ detail: String) -> BadgeError {
        BadgeError(code: "VETA-BADGE-003", message: "the badge image is damaged: \(detail).", fix: "bake the badge again (veta badge).")
    }

    /// The badge carries more than one credential: which one it stands for cannot be told.
    static func ambiguous(_ detail: String) -> BadgeError {
        BadgeError(
            code: "VETA-BADGE-005", message: "the badge is ambiguous: \(detail); a baked badge carries exactly one credential.",
            fix: "use the badge as the issuer's site published it, or verify the credential.jwt itself.")
    }

    /// The record asked for is not a credential (a DC-3 constancia has no badge).
    static func notACredential(_ serial: String) -> BadgeError {
        BadgeError(
            code: "VETA-BADGE-004", message: "\(serial) is a DC-3 constancia, not an Open Badges credential.",
            fix: "give the serial of the credential issued with it (veta issue prints both).")
    }
}
