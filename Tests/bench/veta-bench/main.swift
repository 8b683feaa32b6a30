// veta-bench: library-call timings for `make bench` (not a test; it asserts nothing).
// Usage: veta-bench STORE CURRICULUM SAMPLES AS-OF    status latency percentiles over SAMPLES random trainees
//        veta-bench sign CURRICULUM-FILE COUNT [MODE]  build and sign COUNT OB3 credentials (VC-JWT, EdDSA; SignBench.swift)
//        veta-bench import STORE CSV | verify STORE | cohort STORE REF AS-OF OUT
//                                                      what `veta import`, `veta ledger verify` and `veta cohort --format csv`
//                                                      call, timed (CommandBench.swift)
// Prints one JSON object.
import Foundation
import VetaCurricula
import VetaProgress
import VetaRecords

/// The whole run. Called from a detached task, not as top-level `await` code: top-level `await` parks the
/// main thread in libdispatch's `sigsuspend`, whose signal mask lies in read-only memory, and valgrind
/// 3.19 (used for instruction counts) crashes there; a semaphore parks it in a futex instead.
func runBench() async throws {
    let arguments = CommandLine.arguments
    if (4...5).contains(arguments.count), arguments[1] == "sign", let count = Int(arguments[3]) {
        let result = try await signBench(curriculumPath: arguments[2], count: count, mode: arguments.count == 5 ? arguments[4] : "all")
        print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
        exit(0)
    }
    let command: [String: Any]? =
        switch (arguments.count > 1 ? arguments[1] : "", arguments.count) {
        case ("import", 4): try await importBench(store: arguments[2], csv: arguments[3])
        case ("verify", 3): try await verifyBench(store: arguments[2])
        case ("cohort", 6):
            if let asOf = CalendarDate(arguments[4]) {
                try await cohortBench(store: arguments[2], curriculum: arguments[3], asOf: asOf, out: arguments[5])
            } else {
                nil
            }
        default: nil
        }
    if let command {
        print(String(decoding: try JSONSerialization.data(withJSONObject: command, options: [.sortedKeys]), as: UTF8.self))
        exit(0)
    }
    guard arguments.count == 5, let samples = Int(arguments[3]), let asOf = CalendarDate(arguments[4]) else {
        FileHandle.standardError.write(Data("usage: veta-bench STORE CURRICULUM SAMPLES AS-OF\n".utf8))
        exit(64)
    }
    let service = ProgressService(store: try SQLiteProgressStore(path: arguments[1]), validator: try CurriculumValidator())
    let ref = try await service.resolve(arguments[2])
    let curriculum = try await service.curriculum(ref)
    let trainees = try await service.store.entries(ofKinds: [.enrolment]).filter { $0.curriculum == ref }.map(\.trainee)
    var generator = SystemRandomNumberGenerator()
    let picked = (0..<samples).compactMap { _ in trainees.randomElement(using: &generator) }

    func percentile(_ sorted: [Double], _ p: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    var whole: [Double] = []
    var engineOnly: [Double] = []
    var entriesSeen = 0
    for trainee in picked {
        let start = DispatchTime.now().uptimeNanoseconds
        let entries = try await service.store.entries(for: trainee)
        let middle = DispatchTime.now().uptimeNanoseconds
        let status = CompetencyEngine.status(of: trainee, in: curriculum, ref: ref, entries: entries, asOf: asOf)
        let end = DispatchTime.now().uptimeNanoseconds
        precondition(status.trainee == trainee)
        entriesSeen += entries.count
        whole.append(Double(end - start) / 1e6)
        engineOnly.append(Double(end - middle) / 1e6)
    }
    whole.sort()
    engineOnly.sort()
    let result: [String: Any] = [
        "samples": picked.count, "trainees": trainees.count, "meanEntries": picked.isEmpty ? 0 : Double(entriesSeen) / Double(picked.count),
        "statusP50ms": percentile(whole, 0.5), "statusP99ms": percentile(whole, 0.99),
        "engineP50ms": percentile(engineOnly, 0.5), "engineP99ms": percentile(engineOnly, 0.99),
    ]
    print(String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self))
}

final class Failure: @unchecked Sendable { var error: (any Error)? }
let failure = Failure()
let done = DispatchSemaphore(value: 0)
Task.detached {
    do { try await runBench() } catch { failure.error = error }
    done.signal()
}
done.wait()
if let error = failure.error {
    FileHandle.standardError.write(Data("veta-bench: \(error)\n".utf8))
    exit(2)
}
