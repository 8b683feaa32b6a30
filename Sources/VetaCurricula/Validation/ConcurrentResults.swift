import Foundation

/// Fixed-size result slots filled from several threads.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<ValidationResult, CurriculumIOError>?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<ValidationResult, CurriculumIOError>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        done += 1
    }

    var completed: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    func values() throws(CurriculumIOError) -> [ValidationResult] {
        var results: [ValidationResult] = []
        results.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .success(let value): results.append(value)
            case .failure(let error): throw error
            case nil: continue
            }
        }
        return results
    }
}
