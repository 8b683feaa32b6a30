import VetaCurricula

/// A `--format json` report of a command that ends with findings (exit 1): the report's own fields,
/// unchanged, plus the documented `error` object (``JSONError/Detail``), so a consumer that looks
/// for `error` sees the failure and one that reads the report's fields keeps working.
struct JSONFailingReport<Report: Encodable>: Encodable {
    let report: Report
    let error: JSONError.Detail

    private enum Key: String, CodingKey { case error }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(error, forKey: .error)
    }
}

/// Prints `report` as the one JSON document on stdout; with `failure` (a code and a message) it
/// carries `"error": {"code", "exitCode", "message"}` (exit code 1 unless said) beside the report's fields.
func printJSON(_ report: some Encodable, failure: (code: String, message: String)?, exitCode: Int32 = 1) throws {
    guard let failure else { return try printJSON(report) }
    try printJSON(
        JSONFailingReport(report: report, error: JSONError.Detail(code: failure.code, exitCode: exitCode, message: failure.message)))
}
