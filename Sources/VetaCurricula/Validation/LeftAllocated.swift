/// Values deliberately never freed, for a process about to exit (see
/// ``CurriculumValidator/validate(_:path:keepingModel:freeingDocument:)`` with `freeingDocument: false`):
/// the system takes their pages back with the process at once, where releasing a large model
/// frees each of its arrays and strings in turn.
enum LeftAllocated {
    private final class Box: Sendable {
        let value: Curriculum
        init(_ value: Curriculum) { self.value = value }
    }

    /// Keeps `value` alive until the process ends.
    static func keep(_ value: Curriculum) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
