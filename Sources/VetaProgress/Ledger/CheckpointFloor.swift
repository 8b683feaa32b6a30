/// What a store's log must still extend before a write appends to it: the newest signed checkpoint
/// (`VETA_CHECKPOINTS`), so nothing is written on a log that was truncated, rolled back or rewritten
/// since. A store that takes one runs ``check`` inside each write transaction, before it appends.
public struct CheckpointFloor: Sendable {
    /// The checkpoint's size: the entry whose hash is checked.
    public let size: Int64
    /// Throws (nothing is written) unless the log, which ends at `end` and whose entry ``size`` has
    /// the stored hash `hash` (nil when it has no such entry), extends the checkpoint.
    public let check: @Sendable (_ end: Int64, _ hash: String?) throws -> Void

    /// Creates a floor.
    public init(size: Int64, check: @escaping @Sendable (_ end: Int64, _ hash: String?) throws -> Void) {
        self.size = size
        self.check = check
    }
}
