import ArgumentParser
import Foundation
import VetaCurricula
import VetaProgress

/// A signed checkpoint after every command that writes, when `$VETA_CHECKPOINTS` names a folder
/// (a USB stick, an auditor's share) and `$VETA_CHECKPOINT_KEY` the private key that signs
/// (`$VETA_CHECKPOINT_KEY_NAME` the key name, else the key file's name).
///
/// ``prepare(storePath:)`` runs when a command opens the store to write, before it writes, so a
/// missing folder or an unreadable key refuses the command and nothing is stored unwitnessed;
/// ``afterCommand()`` runs once, from `Veta.main`, after the command succeeded. Each checkpoint
/// is a new file `SIZE-TIME.checkpoint` (size zero-padded, so the newest sorts last); one with the
/// same size and head as the newest is not written again.
enum AutoCheckpoint {
    private struct Plan: Sendable {
        let storePath: String
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
        let environment = ProcessInfo.processInfo.environment
        guard let folder = environment["VETA_CHECKPOINTS"], !folder.isEmpty else { return }
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
        _ = try NoteVerifierKey(name: name, publicKey: key.publicKey)
        pending.set(Plan(storePath: storePath, folder: folder, key: key, keyName: name))
    }

    /// Writes the checkpoint a successful writing command owes; exit 2 when it cannot.
    static func afterCommand() async throws {
        guard let plan = pending.take() else { return }
        do {
            let service = ProgressService(
                store: try SQLiteProgressStore(path: plan.storePath, create: false), validator: try CurriculumValidator())
            guard try await service.store.ledgerEnd() > 0 else { return }
            let names = try FileManager.default.contentsOfDirectory(atPath: plan.folder)
                .filter { $0.hasSuffix("." + CheckpointFiles.fileExtension) }.sorted()
            // The newest checkpoint kept, if it is ours: the log must still extend it.
            let verifier = try NoteVerifierKey(name: plan.keyName, publicKey: plan.key.publicKey)
            let previous = names.last.flatMap { FileManager.default.contents(atPath: plan.folder + "/" + $0) }
                .flatMap { try? SignedNote(parsing: Array($0)) }.flatMap { $0.isSigned(by: verifier) ? $0 : nil }
                .flatMap { try? VetaProgress.Checkpoint(body: $0.text) }
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
