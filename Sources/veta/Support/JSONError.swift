import Foundation
import VetaCurricula

/// The one JSON document a command prints on stdout when it fails after `--format json` was chosen:
/// `{"error": {"code": …, "exitCode": …, "message": …}}`, plus the validation report when the failure
/// is a curriculum with errors. The human message still goes to stderr.
struct JSONError: Encodable {
    struct Detail: Encodable {
        /// A stable code: `refused`, `storage`, `key`, `record`, `invalid-curriculum`, `usage` or `internal`.
        let code: String
        /// The exit code the command ends with.
        let exitCode: Int32
        /// What went wrong, as on stderr.
        let message: String
    }

    let error: Detail
    /// The findings, when a curriculum file had errors.
    let validation: JSONReport?

    init(code: String, exitCode: Int32, message: String, validation: JSONReport? = nil) {
        error = Detail(code: code, exitCode: exitCode, message: message)
        self.validation = validation
    }

    /// Prints the document on stdout; falls back to a fixed document if encoding itself fails.
    func print() {
        if let text = try? JSONOutput.encode(self) {
            Terminal.out(text)
        } else {
            Terminal.out(#"{"error":{"code":"internal","exitCode":2,"message":"cannot encode the error"}}"# + "\n")
        }
    }

    /// Whether the raw command-line arguments ask for JSON output (`--format json` or `--format=json`).
    static func requested(in arguments: [String]) -> Bool {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return false }
            if argument == "--format=json" { return true }
            if argument == "--format", index + 1 < arguments.count, arguments[index + 1] == "json" { return true }
        }
        return false
    }
}
