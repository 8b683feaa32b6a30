import Foundation
public import VetaProgress

extension RecordService {
    /// Verifies the whole log: the hash chain and sign-off signatures (``ProgressService/verifyLedger()``),
    /// then the record entries: each issue signed by its issuer's registered key over its canonical
    /// bytes (a record migrated from the registry that preceded the log is unsigned, and must come
    /// before every signed one), issued at a checkpoint that is a state of this log, registered once;
    /// each revocation and supersession about a record issued before it; and every stored artifact
    /// (the rows `veta reexport` reads) the bytes whose sha256 a record's entry registers.
    public func verifyLedger() async throws -> LedgerVerifier.Report {
        let base = try await progress.verifyLedger()
        let (problems, signatures) = try await recordProblems()
        return base.adding(problems, signatures: signatures)
    }

    /// Verifies the whole log as ``verifyLedger()`` does, and proves it still extends every
    /// checkpoint in `files` (``ProgressService/verifyLedger(checkpoints:keys:)``).
    public func verifyLedger(checkpoints files: [CheckpointVerifier.File], keys: [NoteVerifierKey]) async throws -> LedgerVerification {
        let base = try await progress.verifyLedger(checkpoints: files, keys: keys)
        let (problems, signatures) = try await recordProblems()
        return base.adding(problems, signatures: signatures)
    }

    /// What the record entries' own checks find, and how many issuer signatures they checked.
    private func recordProblems() async throws -> ([LedgerVerifier.Problem], Int) {
        // Another process may issue while this one reads: the stored files are read first, with where
        // the log ended before, so every file read has its entry (committed with it) among the entries
        // read next, and only entries up to that end must have their file among the files read.
        let endBefore = try await progress.store.ledgerEnd()
        let stored = try await records.artifactHashes()
        let entries = try await records.recordEntries()
        let hashes = try await records.hashes(at: Set(entries.compactMap(\.record?.checkpointSize)))
        var problems: [LedgerVerifier.Problem] = []
        var keys: [String: [PublicSigningKey]] = [:]
        var issued: [String: LedgerEntry] = [:]
        var firstSigned: Int64?
        var signatures = 0
        for entry in entries {
            func problem(_ reason: String) { problems.append(LedgerVerifier.Problem(at: entry.sequence, reason)) }
            guard let record = entry.record else { continue }
            guard entry.kind == .issue else {
                guard let issue = issued[record.serial] else {
                    problem("\(entry.kind.withArticle) of \(record.serial), which no earlier entry of the log issued")
                    continue
                }
                if issue.trainee != entry.trainee || issue.curriculum != entry.curriculum {
                    problem("\(entry.kind.withArticle) of \(record.serial) naming another trainee or curriculum than its issue")
                }
                continue
            }
            if let earlier = issued[record.serial] {
                problem("serial \(record.serial) is issued a second time (first at entry \(earlier.sequence))")
                continue
            }
            issued[record.serial] = entry
            guard let issuerID = record.issuer, IssuedRecord(entry: entry) != nil else {
                problem("the issue of \(record.serial) lacks its format, issuer or valid-from date")
                continue
            }
            if record.isMigrated {
                if let firstSigned {
                    problem(
                        "\(record.serial) is marked as migrated from the registry that preceded the log, but comes after a record "
                            + "signed in the log (entry \(firstSigned)): migrated records are appended only when a store is migrated")
                }
                continue
            }
            firstSigned = firstSigned ?? entry.sequence
            signatures += 1
            if keys[issuerID] == nil, let issuer = try await records.issuer(issuerID) {
                keys[issuerID] = issuer.keys
            }
            // Any key the issuer has had: a record signed before a key rotation still verifies.
            if let issuerKeys = keys[issuerID], !issuerKeys.isEmpty {
                if !issuerKeys.contains(where: { entry.isSigned(by: $0) }) {
                    problem("the issuer's signature over \(record.serial) does not verify with issuer \(issuerID)'s public key")
                }
            } else {
                problem("the issuer \(issuerID) of \(record.serial) is not registered")
            }
            if let size = record.checkpointSize, let hash = record.checkpointHash {
                let expected = size == 0 ? LedgerEntry.genesisHash : hashes[size]
                if size >= entry.sequence || expected != hash {
                    problem("\(record.serial) names checkpoint (size \(size), head \(hash.prefix(12))…), which is not a state of this log")
                }
            } else {
                problem("the issue of \(record.serial) names no checkpoint")
            }
        }
        // Rows kept beside the log must be backed by it, and every record signed in the log has its file kept.
        let kept = Set(stored.map(\.serial))
        for (serial, issue) in issued.sorted(by: { $0.value.sequence < $1.value.sequence })
        where issue.record?.isMigrated == false && issue.sequence <= endBefore && !kept.contains(serial) {
            problems.append(LedgerVerifier.Problem(at: issue.sequence, "the stored file of \(serial), kept with its entry, is missing"))
        }
        for (serial, sha256) in stored {
            guard let issue = issued[serial] else {
                problems.append(LedgerVerifier.Problem(at: 0, "a stored file for \(serial), which no entry of the log issued"))
                continue
            }
            if issue.attachmentSHA256 != sha256 {
                problems.append(
                    LedgerVerifier.Problem(
                        at: issue.sequence, "the stored file of \(serial) is not the one its entry registers (sha256 differs)"))
            }
        }
        return (problems, signatures)
    }

    /// Refuses when the log does not verify: nothing is issued on a log that does not verify.
    /// `publishing`: the refusal names the site (nothing is published) rather than issuing.
    func requireIntactLog(publishing: Bool = false) async throws {
        let report = try await verifyLedger()
        guard let first = report.problems.first else { return }
        let what = publishing ? "nothing is published" : "nothing is issued"
        throw Refusal(
            "the log does not verify (first bad entry \(first.sequence): \(first.reason)); \(what) from a log that does not "
                + "verify: run veta ledger verify")
    }
}
