import Foundation
import VetaCurricula
import VetaProgress

extension RecordService {
    /// One artifact to register: the record, the checkpoint it is issued at, its bytes.
    typealias Artifact = (record: IssuedRecord, checkpoint: (size: Int64, hash: String), artifact: [UInt8])

    /// One trainee of a cohort on its way through ``issueCohortBatch(_:ref:dc3:issuer:key:outputFolder:asOf:into:progress:)``.
    private struct CohortItem {
        let inputs: IssueInputs
        var serials: [String] = []
        var artifacts: [Artifact] = []
        var trainee: TraineeID { inputs.trainee.id }
    }

    /// The most trainees registered in one write transaction.
    static let cohortChunk = 500

    /// Issues the curriculum records of `todo` (in that order) as one batch: each trainee's inputs
    /// are checked; the serials of all are reserved (per year, a credential and its DC-3 consecutive,
    /// in cohort order); then, ``cohortChunk`` trainees at a time, the credentials are built and
    /// signed outside any transaction by a ``CredentialFactory`` over every core and the DC-3s
    /// rendered, the issue entries are committed in one transaction (each trainee alone when it is
    /// refused, so one trainee's refusal never costs the others), and only then are the files
    /// written, each atomically. A trainee that fails at any step is added to `result.failures` with why;
    /// one that another issue gave a credential meanwhile is skipped, never issued twice.
    func issueCohortBatch(
        _ todo: [TraineeID], ref: CurriculumRef, dc3: Bool, issuer issuerID: String, key: SigningKey, outputFolder: String,
        asOf date: CalendarDate, into result: inout CohortIssue, progress report: (@Sendable (Int, Int) -> Void)?
    ) async {
        var failures: [CohortIssue.Failure] = []
        func fail(_ items: [CohortItem], _ error: any Error) {
            failures += items.map { CohortIssue.failure($0.trainee, error, cohort: ref) }
        }
        // The failures are listed in the order the trainees were given, whichever step refused them.
        defer {
            let order = Dictionary(todo.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let ranked = failures.enumerated().map { (rank: (order[$0.element.trainee] ?? 0, $0.offset), failure: $0.element) }
            result.failures += ranked.sorted { $0.rank < $1.rank }.map(\.failure)
        }
        // 1. Inputs, per trainee: a refusal here costs no serial.
        var items: [CohortItem] = []
        for trainee in todo {
            do {
                items.append(
                    CohortItem(
                        inputs: try await issueInputs(trainee: trainee, curriculum: ref, unit: nil, issuer: issuerID, key: key, asOf: date))
                )
            } catch {
                failures.append(CohortIssue.failure(trainee, error, cohort: ref))
            }
        }
        guard let first = items.first else {
            report?(todo.count, todo.count)
            return
        }
        let issuer = first.inputs.issuer
        let factory: CredentialFactory
        let checkpoint: (size: Int64, hash: String)
        do {
            try ArtifactFile.createFolder(outputFolder)
            factory = try CredentialFactory(
                curriculum: first.inputs.curriculum, unit: nil, issuer: issuer, key: key, kid: issuer.keyID(for: key.publicKey),
                timeZone: try await progress.timeZone())
            checkpoint = try await records.checkpoint()
        } catch {
            fail(items, error)
            return
        }
        // 2. Serials, reserved (committed, never given again) per year, in cohort order.
        let perItem = dc3 ? 2 : 1
        for year in Self.inOrder(items.map(\.inputs.completion.from.year)) {
            let group = items.indices.filter { items[$0].inputs.completion.from.year == year }
            do {
                let serials = try await records.reserveSerials(count: group.count * perItem, year: year)
                for (offset, index) in group.enumerated() {
                    items[index].serials = Array(serials[offset * perItem..<(offset + 1) * perItem])
                }
            } catch {
                fail(group.map { items[$0] }, error)
            }
        }
        var valid: [CohortItem] = []
        for item in items where !item.serials.isEmpty {
            do {
                _ = try StatusListIndex.of(serial: item.serials[0])
                valid.append(item)
            } catch {
                fail([item], Refusal("\(error)"))
            }
        }
        // Chunk by chunk (memory stays bounded for any cohort):
        var done = todo.count - valid.count
        var start = 0
        while start < valid.count {
            let chunk = Array(valid[start..<min(start + Self.cohortChunk, valid.count)])
            start += chunk.count
            // 3. Outside any transaction: build and sign the credentials (in order, over the cores), render the DC-3s.
            let requests = zip(chunk, Salts.make(chunk.count)).map { item, salt in
                CredentialFactory.Item(
                    trainee: item.inputs.trainee, serial: item.serials[0], validFrom: item.inputs.completion.from,
                    validUntil: item.inputs.completion.until, salt: salt, checkpoint: checkpoint, achieved: item.inputs.achieved)
            }
            let tokens = await factory.tokens(requests)
            var signed: [CohortItem] = []
            for (index, token) in tokens.enumerated() {
                var item = chunk[index]
                do {
                    let bytes = try token.get()
                    item.artifacts = [
                        (Self.issuedRecord(item.inputs, serial: item.serials[0], format: .ob3, bytes: bytes), checkpoint, bytes)
                    ]
                    if dc3 {
                        let pdf = try Self.constanciaPDF(
                            item.inputs, serial: item.serials[1], credentialSerial: item.serials[0], token: bytes)
                        item.artifacts.append(
                            (Self.issuedRecord(item.inputs, serial: item.serials[1], format: .dc3, bytes: pdf), checkpoint, pdf))
                    }
                    signed.append(item)
                } catch {
                    fail([item], error)
                    done += 1
                }
            }
            guard !signed.isEmpty else { continue }
            // 4. Commit the log entries in one transaction; when it is refused, trainee by trainee.
            var committed: [(CohortItem, [IssuedRecord])] = []
            do {
                let registered = try await records.register(signed.flatMap(\.artifacts), key: key, on: date, onlyIfNoneStanding: true)
                var offset = 0
                for item in signed {
                    committed.append((item, Array(registered[offset..<offset + item.artifacts.count])))
                    offset += item.artifacts.count
                }
            } catch {
                for item in signed {
                    do {
                        committed.append((item, try await records.register(item.artifacts, key: key, on: date, onlyIfNoneStanding: true)))
                    } catch is AlreadyIssued {
                        // Another issue, running at the same time, gave this trainee a credential first: not issued twice.
                        done += 1
                    } catch {
                        fail([item], error)
                        done += 1
                    }
                }
            }
            // 5. Only then the files, each atomically.
            for (item, registered) in committed {
                do {
                    var issued: [Issued] = []
                    for (record, artifact) in zip(registered, item.artifacts) {
                        let path = outputFolder + "/" + record.serial + (record.format == .ob3 ? ".jwt" : ".pdf")
                        try ArtifactFile.write(artifact.artifact, to: path, serial: record.serial)
                        issued.append(Issued(record: record, path: path))
                    }
                    result.issued += issued
                } catch {
                    fail([item], error)
                }
                done += 1
                report?(done, todo.count)
            }
        }
        report?(todo.count, todo.count)
    }

    /// The distinct values of `values`, in the order they first appear.
    private static func inOrder(_ values: [Int]) -> [Int] {
        var seen: Set<Int> = []
        return values.filter { seen.insert($0).inserted }
    }

    /// The record of an artifact of `inputs` (its issue time is set when it is registered).
    static func issuedRecord(_ inputs: IssueInputs, serial: String, format: IssuedRecord.Format, bytes: [UInt8]) -> IssuedRecord {
        IssuedRecord(
            serial: serial, format: format, trainee: inputs.trainee.id, curriculum: inputs.status.curriculum,
            unit: inputs.completion.unit?.code, issuer: inputs.issuer.id, issuedAt: "", validFrom: inputs.completion.from,
            validUntil: inputs.completion.until, sha256: SHA256Hex.of(bytes), supersedes: nil)
    }

    /// The DC-3 constancia PDF of `inputs`, tied to the credential `token` by its hash.
    static func constanciaPDF(_ inputs: IssueInputs, serial: String, credentialSerial: String, token: [UInt8]) throws -> [UInt8] {
        let constancia = DC3Mapping.constancia(
            serial: serial, trainee: inputs.trainee, organisation: inputs.organisation, curriculum: inputs.curriculum,
            unit: inputs.completion.unit, issuer: inputs.issuer, enrolledOn: inputs.status.enrolledOn ?? inputs.completion.from,
            completedOn: inputs.completion.from, instructor: inputs.assessorNames, credentialSerial: credentialSerial,
            credentialHash: SHA256Hex.of(token), hours: AchievedHours.hours(of: inputs.achieved))
        return try DC3Renderer.pdf(for: constancia)
    }
}
