import ArgumentParser
import Foundation
import VetaCurricula
import VetaPostgres
import VetaProgress

/// A signed checkpoint after every command that writes, when `$VETA_CHECKPOINTS` names a folder
/// (a USB stick, an auditor's share) and `$VETA_CHECKPOINT_KEY` the private key that signs
/// (`$VETA_CHECKPOINT_KEY_NAME` the key name, else the key file's name).
///
/// ``prepare(storePath:)`` runs when a command opens the store to write, before it writes, so a
/// missing folder or an unreadable key refuses the command and nothing is stored unwitnessed (on
/// PostgreSQL ``prepare(postgres:)``, whose floor the store checks inside each write transaction);
/// ``afterCommand()`` runs once, from `Veta.main`, after the command succeeded. Each checkpoint
/// is a new file `SIZE-TIME.checkpoint` (size zero-padded, so the newest sorts last); one with the
/// same size and head as the newest is not written again.
enum AutoCheckpoint {
    private struct Plan: Sendable {
        let storePath: String
        /// The PostgreSQL store, when the store is one (then `storePath` only names it).
        var address: PostgresAddress? = nil
        let folder: String
        let key: SigningKey
        let keyName: String
    }

    private final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var plan: Plan?
        func set(_ value: Plan) {
            lock.lock()
            defer { lock.unlock() }
            plan = value
        }

        func take() -> Plan? {
            lock.lock()
            defer { lock.unlock() }
            defer { plan = nil }
            return plan
        }
    }

    private static let pending = Pending()

    /// Reads the settings and the key; throws when checkpoints are asked for but cannot be written.
    static func prepare(storePath: String) throws {
        guard let (plan, newest) = try settings(storePath: storePath) else { return }
        try requireExtends(newest, head: try newest.map { try StoreHead.read(storePath, hashAt: $0.size) } ?? nil, plan: plan)
        pending.set(plan)
    }

    /// As ``prepare(storePath:)`` for a PostgreSQL store: the floor its writes must check (nil when
    /// there is no checkpoint yet, or none is asked for); the store reads its head in the write
    /// transaction itself, so nothing is written on a log the checkpoints contradict.
    static func prepare(postgres address: PostgresAddress) throws -> CheckpointFloor? {
        guard let (plan, newest) = try settings(storePath: address.redacted, address: address) else { return nil }
        pending.set(plan)
        guard let newest, newest.size > 0 else { return nil }
        return CheckpointFloor(size: newest.size) { end, hash in try requireExtends(newest, head: (end, hash), plan: plan) }
    }

    /// The plan and the newest checkpoint of its folder, or nil when `$VETA_CHECKPOINTS` is not set.
    private static func settings(storePath: String, address: PostgresAddress? = nil) throws -> (Plan, VetaProgress.Checkpoint?)? {
        let environment = ProcessInfo.processInfo.environment
        guard let folder = environment["VETA_CHECKPOINTS"], !folder.isEmpty else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError(.storage, "VETA_CHECKPOINTS: no folder \(folder) (is the USB stick mounted?); nothing was written")
        }
        guard let keyPath = environment["VETA_CHECKPOINT_KEY"], !keyPath.isEmpty else {
            throw Refusal(
                "VETA_CHECKPOINTS is set but VETA_CHECKPOINT_KEY (the private key that signs checkpoints) is not; nothing was written")
        }
        let name = CheckpointFiles.keyName(environment["VETA_CHECKPOINT_KEY_NAME"], keyPath: keyPath)
        let key = try readPrivateKey(keyPath)
        let verifier = try NoteVerifierKey(name: name, publicKey: key.publicKey)
        let plan = Plan(storePath: storePath, address: address, folder: folder, key: key, keyName: name)
        return (plan, (try? newest(in: folder, signedBy: verifier)) ?? nil)
    }

    /// The newest checkpoint in `folder` signed by `verifier`, if any.
    private static func newest(in folder: String, signedBy verifier: NoteVerifierKey) throws -> VetaProgress.Checkpoint? {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("." + CheckpointFiles.fileExtension) }.sorted()
        return names.last.flatMap { FileManager.default.contents(atPath: folder + "/" + $0) }
            .flatMap { try? SignedNote(parsing: Array($0)) }.flatMap { $0.isSigned(by: verifier) ? $0 : nil }
            .flatMap { try? VetaProgress.Checkpoint(body: $0.text) }
    }

    /// Before anything is written: a store that no longer reaches the newest checkpoint (an older
    /// copy put back, entries removed or rewritten) is refused, so no serial, entry or file is made
    /// on a log the checkpoints already contradict.
    private static func requireExtends(
        _ checkpoint: VetaProgress.Checkpoint?, head: (end: Int64, hash: String?)?, plan: Plan
    ) throws {
        guard let checkpoint, checkpoint.size > 0 else { return }
        let (storePath, folder) = (plan.storePath, plan.folder)
        let why: String
        if let head {
            guard head.end < checkpoint.size || head.hash != checkpoint.head else { return }
            why =
                head.end < checkpoint.size
                ? "the store's log ends at entry \(head.end), before the \(checkpoint.size) entries it had"
                : "its entry \(checkpoint.size) is not the one checkpointed (entries were rewritten, or an older copy was put back and written to)"
        } else {
            why = "there is no store at \(storePath)"
        }
        throw Refusal(
            "the store does not extend the newest checkpoint in \(folder) (\(checkpoint.size) entries\(checkpoint.time.map { ", \($0)" } ?? "")): "
                + "\(why); nothing was written",
            reasons: [
                "find out what happened with veta ledger verify --checkpoint \(folder) --key-public KEY; put back the right copy of the store"
            ])
    }

    /// Writes the checkpoint a successful writing command owes; exit 2 when it cannot.
    static func afterCommand() async throws {
        guard let plan = pending.take() else { return }
        do {
            let store: any ProgressStore =
                try plan.address.map { try PostgresProgressStore(address: $0, create: false) }
                ?? SQLiteProgressStore(path: plan.storePath, create: false)
            let service = ProgressService(store: store, validator: try CurriculumValidator())
            guard try await service.store.ledgerEnd() > 0 else { return }
            // The newest checkpoint kept, if it is ours: the log must still extend it.
            let verifier = try NoteVerifierKey(name: plan.keyName, publicKey: plan.key.publicKey)
            let previous = try newest(in: plan.folder, signedBy: verifier)
            let (checkpoint, note) = try await service.checkpoint(
                key: plan.key, keyName: plan.keyName, verify: false, extending: previous)
            if previous?.size == checkpoint.size && previous?.head == checkpoint.head { return }
            let stamp = (checkpoint.time ?? "").filter { $0 != "-" && $0 != ":" }
            let size = String(checkpoint.size)
            let base = plan.folder + "/" + String(repeating: "0", count: max(0, 12 - size.count)) + size + "-" + stamp
            do {
                try CheckpointFiles.write(note, to: base + "." + CheckpointFiles.fileExtension)
            } catch is Refusal {
                try CheckpointFiles.write(note, to: base + "-\(getpid())." + CheckpointFiles.fileExtension)
            }
        } catch {
            let message = "the change is stored, but no checkpoint was written to \(plan.folder): \(error)"
            Terminal.err("veta: error: \(message)\n")
            throw ExitCode(2)
        }
    }
}
