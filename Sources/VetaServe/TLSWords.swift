import NIOSSL

/// NIOSSL's errors in plain words, never a Swift enum case name (`failedToLoadCertificate`).
enum TLSWords {
    /// Why a certificate or key file (`what`) was not accepted.
    static func loading(_ what: String, _ error: any Error) -> String {
        let expected =
            what == "certificate"
            ? "a PEM certificate (text starting -----BEGIN CERTIFICATE-----)"
            : "a PEM private key (text starting -----BEGIN PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)"
        if let error = error as? NIOSSLError {
            switch error {
            case .failedToLoadCertificate, .failedToLoadPrivateKey:
                return "it is not \(expected); a JWK or DER file is not accepted"
            default:
                return "it could not be used as \(expected)"
            }
        }
        if error is BoringSSLError { return "it is not \(expected)" }
        return "it could not be used as \(expected)"
    }

    /// A TLS failure while serving, in words.
    static func serving(_ error: NIOSSLError) -> String {
        switch error {
        case .failedToLoadCertificate: "the certificate could not be loaded"
        case .failedToLoadPrivateKey: "the private key could not be loaded"
        default: "the TLS set-up failed"
        }
    }
}
