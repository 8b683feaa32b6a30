// `veta-bench sign CURRICULUM COUNT [MODE]`: build and sign COUNT OB3 credentials (VC-JWT, EdDSA).
// MODE all (default) times, in one run: the builder with jwt-kit's signer (the path before issue 13),
// the fast path (CredentialFactory) on one task and over every core, and raw swift-crypto Ed25519
// signing of the same signing inputs on one task and over every core; CPU (getrusage, every thread)
// and wall time of each. MODE fast or raw runs only that part on one task (for valgrind's callgrind).
import Foundation
import VetaCurricula
import VetaProgress
import VetaRecords

/// User + system CPU seconds of the whole process (every thread).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Runs `body` and returns its wall and CPU seconds.
func timed(_ body: () async throws -> Void) async rethrows -> (wall: Double, cpu: Double) {
    let cpu = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, cpuSeconds() - cpu)
}

func signBench(curriculumPath: String, count: Int, mode: String) async throws -> [String: Any] {
    guard let curriculum = try CurriculumValidator().validate(fileAt: curriculumPath).curriculum else { exit(2) }
    let key = SigningKey()
    let issuer = Issuer(
        id: "https://issuer.example", name: "Bench", rfc: try RFC("CMN150101AB1"), stpsRegistration: "CAP-1",
        publicKey: key.publicKey.base64URL)
    let trainee = Trainee(
        id: TraineeID("T"), paternalSurname: "A", maternalSurname: "B", givenNames: "C", curp: try CURP("GALA900101MZSRPN05"),
        employer: try RFC("MFR110315AB1"), occupation: "O", jobTitle: "J")
    let from = CalendarDate(year: 2026, month: 11, day: 12) ?? .earliest
    let factory = try CredentialFactory(curriculum: curriculum, unit: nil, issuer: issuer, key: key)
    let checkpoint: (size: Int64, hash: String) = (123_456, String(repeating: "ab", count: 32))
    let salts = Salts.make(count)
    let items = (0..<count).map { index in
        CredentialFactory.Item(
            trainee: trainee, serial: "VETA-2026-" + String(format: "%06d", index + 1), validFrom: from,
            validUntil: from.adding(months: 12), salt: salts[index], checkpoint: checkpoint, achieved: nil)
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    var result: [String: Any] = ["count": count, "cores": cores, "mode": mode]

    if mode == "fast" {
        let tokens = await factory.tokens(items, tasks: 1)
        result["bytes"] = tokens.reduce(0) { $0 + ((try? $1.get())?.count ?? 0) }
        return result
    }
    if mode == "raw" {
        // One credential's signing input, signed COUNT times: only the signatures grow with COUNT.
        let input = factory.signer.signingInput(claims: try factory.fullClaims(items[0]))
        result["bytes"] = try (0..<count).reduce(0) { sum, _ in sum + (try factory.signer.rawSignature(input)).count }
        return result
    }
    // The signing inputs of the same credentials, made before any timing, for raw signing.
    let inputs = try items.map { factory.signer.signingInput(claims: try factory.fullClaims($0)) }

    var bytes = 0
    // Before issue 13: the builder, the claims writer through jwt-kit, jwt-kit's actor per signature, 16 reads per salt.
    let signer = try await VCJWT.Signer(key)
    let before = try await timed {
        for index in 0..<count {
            var credential = CredentialBuilder.credential(
                serial: items[index].serial, curriculum: curriculum, unit: nil, trainee: trainee, issuer: issuer, validFrom: from,
                validUntil: from.adding(months: 12), salt: CredentialBuilder.salt())
            credential.evidence = [CredentialBuilder.checkpointEvidence(size: checkpoint.size, hash: checkpoint.hash)]
            _ = try await signer.sign(credential)
        }
    }
    let fastOne = await timed {
        bytes = await factory.tokens(items, tasks: 1).reduce(0) { $0 + ((try? $1.get())?.count ?? 0) }
    }
    let fastAll = await timed { _ = await factory.tokens(items, tasks: cores) }
    let rawOne = try await timed { for input in inputs { _ = try factory.signer.rawSignature(input) } }
    let rawAll = await timed {
        _ = await CredentialFactory.parallelMap(count, tasks: cores) { (try? factory.signer.rawSignature(inputs[$0]))?.count ?? 0 }
    }
    // The fast path's tokens are the full builder's, byte for byte, and verify (outside the timings).
    let checked = Array(items.prefix(50))
    for (item, token) in zip(checked, await factory.tokens(checked, tasks: 1)) {
        guard try token.get() == (try factory.token(item)) else { throw RecordError("the fast path's token differs from the full one") }
    }
    let sample = try factory.token(items[0])
    _ = try await VCJWT.verify(String(decoding: sample, as: UTF8.self), with: key.publicKey)
    func rates(_ name: String, _ time: (wall: Double, cpu: Double)) {
        result[name] = [
            "wallSeconds": time.wall, "cpuSeconds": time.cpu, "perSecondWall": Double(count) / time.wall,
            "perSecondCPU": Double(count) / max(time.cpu, 1e-9),
        ]
    }
    rates("before", before)
    rates("fastOneTask", fastOne)
    rates("fastAllCores", fastAll)
    rates("rawOneTask", rawOne)
    rates("rawAllCores", rawAll)
    result["meanBytes"] = bytes / max(count, 1)
    result["signingInputBytes"] = inputs.first?.count ?? 0
    return result
}
