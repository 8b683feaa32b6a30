import Foundation

/// Where one trainee's entries at this store came from, by site: the sites whose entries about the
/// trainee were applied here (``SyncReceipt/State`` `copied` or `same`) and those whose entries about
/// the trainee were kept as conflicts, not applied (a `curp` conflict and the entries `held` with it).
public struct TraineeSites: Hashable, Sendable {
    /// Sites whose entries about the trainee were applied here, sorted.
    public var applied: [String] = []
    /// Sites whose registration of the trainee id was a `curp` conflict, sorted.
    public var conflicting: [String] = []
}

extension ProgressService {
    /// The sites `trainee`'s entries here came from (``TraineeSites``), read from the receipts.
    public func sites(of trainee: TraineeID) async throws -> TraineeSites {
        var applied: Set<String> = []
        var conflicting: Set<String> = []
        for (_, receipt) in try await receipts() {
            for line in receipt.lines {
                guard let keys = CanonicalKeys(line.bytes) else { continue }
                let about = keys.text("trainee") ?? ([.trainee, .amendment].contains(keys.kind) ? keys.text("subject") : nil)
                guard about == trainee.rawValue else { continue }
                if line.state == .copied || line.state == .same { applied.insert(receipt.origin) }
                if line.state == .conflictCURP { conflicting.insert(receipt.origin) }
            }
        }
        return TraineeSites(applied: applied.sorted(), conflicting: conflicting.sorted())
    }
}
