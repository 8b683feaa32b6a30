import ArgumentParser
import Foundation
import VetaAudit
import VetaCurricula
import VetaProgress

/// Reads the audit policy `veta audit records --policy` names: a file that cannot be read is
/// exit 2; one that is not a valid policy prints its diagnostics and exits 1.
func readRecordsPolicy(_ path: String, json: Bool) throws -> AuditPolicy {
    guard let data = FileManager.default.contents(atPath: path) else { throw StoreError(.storage, "cannot read \(path)") }
    switch try AuditPolicy.read(Array(data), path: path) {
    case .success(let parsed):
        return parsed
    case .failure(let error):
        let text = error.diagnostics.flatMap(TextReport.lines(for:)).joined(separator: "\n") + "\n"
        guard json else {
            Terminal.out(text)
            throw ExitCode(1)
        }
        throw Refusal("the audit policy \(path) is not valid", reasons: text.split(separator: "\n").map(String.init))
    }
}
