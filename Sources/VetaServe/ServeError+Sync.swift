import VetaErrors

extension CodedError where Domain == ServeFailure {
    /// The centre could not be reached, or the connection failed (`veta sync push` and `pull`; exit 2).
    static func network(_ address: String, _ detail: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-005", message: "cannot reach the centre at \(address): \(detail); nothing was changed here.",
            fix: "check the address, that veta serve --sync-store runs there, and the network; then run the command again.")
    }

    /// The CA certificate file given with `--ca` cannot be read.
    static func caUnreadable(_ path: String) -> ServeError {
        ServeError(
            code: "VETA-SERVE-002", message: "cannot read the CA certificate \(path).",
            fix: "give the path of a readable PEM file with the certificate of the CA that issued the centre's certificate (--ca).")
    }
}
