// The library calls of `veta import FILE`, `veta ledger verify` and `veta cohort REF --format csv`,
// made as those commands make them (Sources/veta/Commands/Progress/Import.swift, Ledger.swift,
// Cohort.swift) without the command line's argument parsing and printing, so the bench can time
// them with a release build of this small target when no release build of the `veta` product
// (which also links SwiftNIO, NIOSSL, Hummingbird and PostgresNIO) is at hand.
import Foundation
import VetaCurricula
import VetaProgress
import VetaRecords

/// `veta-bench import STORE CSV`: `veta import CSV --store STORE` (a writing command: the store may be created).
func importBench(store path: String, csv: String) async throws -> [String: Any] {
    let service = ProgressService(store: try SQLiteProgressStore(path: path, create: true), validator: try CurriculumValidator())
    let start = DispatchTime.now().uptimeNanoseconds
    let report = try await service.importCSV(fileAt: csv, options: ImportOptions())
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard report.errors.isEmpty else { throw CommandBenchError("\(report.errors.count) bad rows of \(report.rows)") }
    return ["rows": report.written, "seconds": seconds]
}

/// `veta-bench verify STORE`: `veta ledger verify --store STORE` (read-only; the record checks too).
func verifyBench(store path: String) async throws -> [String: Any] {
    let store = try SQLiteProgressStore(path: path, create: false, readOnly: true)
    let records = RecordService(
        progress: ProgressService(store: store, validator: try CurriculumValidator()), records: RecordStore(store: store))
    let start = DispatchTime.now().uptimeNanoseconds
    let report = try await records.verifyLedger(checkpoints: [], keys: [])
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard report.isIntact else { throw CommandBenchError("ledger NOT intact") }
    return ["rows": report.entries, "seconds": seconds]
}

/// `veta-bench cohort STORE REF AS-OF OUT`: `veta cohort REF --as-of AS-OF --format csv --store STORE`,
/// the CSV lines built as the command builds them and written to the file OUT.
func cohortBench(store path: String, curriculum: String, asOf: CalendarDate, out: String) async throws -> [String: Any] {
    let service = ProgressService(
        store: try SQLiteProgressStore(path: path, create: false, readOnly: true), validator: try CurriculumValidator())
    let start = DispatchTime.now().uptimeNanoseconds
    let ref = try await service.resolve(curriculum)
    let rows = try await service.cohort(ref, asOf: asOf)
    var text = "trainee,name,enrolled,percent_complete,units_signed_off,hours_recorded,complete,completed_on,expires_on,withdrawn_on\n"
    for row in rows { text += row.csvLine + "\n" }
    try Data(text.utf8).write(to: URL(fileURLWithPath: out))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return ["rows": rows.count, "seconds": seconds]
}

struct CommandBenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
