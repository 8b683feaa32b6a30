import ArgumentParser
import VetaProgress
import VetaRecords

/// Runs a store command, turning errors into messages and the documented exit codes:
/// 1 when the request itself is refused, 2 when the store or a file cannot be used.
///
/// With `json`, a failure also prints one JSON error document (``JSONError``) on stdout, so a
/// `--format json` command always prints exactly one JSON document.
func runReporting(json: Bool = false, _ body: () async throws -> Void) async throws {
    func refuse(_ code: String, _ message: String, exit: Int32, label: String = "refused") -> ExitCode {
        Terminal.err("veta: \(label): \(message)\n")
        if json { JSONError(code: code, exitCode: exit, message: message).print() }
        return ExitCode(exit)
    }
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let refusal as Refusal {
        throw refuse("refused", refusal.description, exit: 1)
    } catch let error as StoreError {
        let storage = error.kind == .storage
        throw refuse(storage ? "storage" : "refused", error.message, exit: storage ? 2 : 1, label: storage ? "error" : "refused")
    } catch let error as StoreLocationError {
        throw refuse("usage", error.description, exit: 64, label: "error")
    } catch let error as SettingError {
        throw refuse("setting", error.description, exit: 1)
    } catch let error as IdentityError {
        throw refuse("identity", error.description, exit: 1)
    } catch let error as SyncError {
        throw refuse(error.code.rawValue, error.description, exit: 1)
    } catch let error as KeyError {
        throw refuse("key", error.description, exit: 1)
    } catch let error as RecordError {
        throw refuse("record", error.description, exit: 1)
    } catch let error as BadgeError {
        throw refuse(error.code, error.description, exit: 1)
    } catch let error as PDFError where error.isAboutTheData {
        // A name too long for its box, a character the form cannot print: the data, not the machine.
        throw refuse(error.code, error.description, exit: 1)
    } catch let error as PDFError {
        throw refuse(error.code, error.description, exit: 2, label: "error")
    } catch {
        throw failure(error, json: json)
    }
}
