public import VetaErrors

/// A failure of `veta serve`: a site folder, a certificate or key, or an address it cannot use.
///
/// Each error has a stable `code` and, where one exists, a fix (``CodedError``).
public typealias ServeError = CodedError<ServeFailure>

/// The domain of ``ServeError``.
public enum ServeFailure: CodedErrorDomain {}

extension CodedError where Domain == ServeFailure {
    /// The site folder does not exist, is not a folder, or holds neither `index.html` nor `.well-known/did.json`.
    static func noSite(_ path: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-001", message: "\(path) is not a built site (no folder with index.html or .well-known/did.json).",
            fix: "build the site first (veta site build --out \(path)) and serve that folder.")
    }

    /// The TLS certificate or key cannot be read or does not parse as PEM.
    static func tls(_ what: String, _ path: String, _ detail: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-002", message: "cannot use the TLS \(what) \(path): \(detail).",
            fix: "give a PEM \(what) file (--tls-cert and --tls-key go together).")
    }

    /// The TLS certificate or key file cannot be read (missing, a folder, no permission).
    static func unreadable(_ what: String, _ path: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-002", message: "cannot read the TLS \(what) \(path).",
            fix: "give the path of a readable PEM \(what) file (--tls-cert and --tls-key go together).")
    }

    /// The certificate and key each parse, but the key is not the certificate's.
    static func mismatch(certificate: String, key: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-004", message: "the TLS key \(key) is not the private key of the certificate \(certificate).",
            fix: "give the certificate and the key that were made together (the key the certificate was issued for).")
    }

    /// The server could not bind or stopped with an error.
    static func server(_ detail: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-003", message: "the server failed: \(detail).",
            fix: "choose another --port or --host, or stop the program already listening there.")
    }
}
