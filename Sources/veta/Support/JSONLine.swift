import VetaCurricula

/// Prints one JSON document on stdout.
func printJSON(_ value: some Encodable) throws {
    Terminal.out(try JSONOutput.encode(value))
}
