import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress
import VetaRecords

/// `--store`, shared by every command that reads or writes trainee progress.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The store (SQLite file). Default: $VETA_STORE, else $XDG_DATA_HOME/veta/veta.sqlite.", valueName: "path"))
    var store: String?

    var path: String { store ?? StoreLocation.defaultPath() }

    func openService() throws -> ProgressService {
        ProgressService(store: try SQLiteProgressStore(path: path), validator: try CurriculumValidator())
    }

    func openRecords() throws -> RecordService {
        let progress = try openService()
        return RecordService(progress: progress, records: try RecordStore(path: path))
    }
}

/// Runs a store command, turning errors into messages and the documented exit codes:
/// 1 when the request itself is refused, 2 when the store or a file cannot be used.
func runReporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let refusal as Refusal {
        Terminal.err("veta: refused: \(refusal)\n")
        throw ExitCode(1)
    } catch let error as StoreError {
        Terminal.err("veta: \(error.kind == .storage ? "error" : "refused"): \(error.message)\n")
        throw ExitCode(error.kind == .storage ? 2 : 1)
    } catch let error as IdentityError {
        Terminal.err("veta: refused: \(error)\n")
        throw ExitCode(1)
    } catch let error as KeyError {
        Terminal.err("veta: refused: \(error)\n")
        throw ExitCode(1)
    } catch let error as RecordError {
        Terminal.err("veta: refused: \(error)\n")
        throw ExitCode(1)
    } catch {
        throw failure(error)
    }
}

/// Parses `YYYY-MM-DD` for options; today (UTC) when absent.
func calendarDate(_ text: String?) throws -> CalendarDate {
    guard let text else { return CalendarDate.today() }
    guard let date = CalendarDate(text) else { throw ValidationError("\(text) is not a date YYYY-MM-DD") }
    return date
}
