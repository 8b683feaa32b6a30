import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// Record entries (`issue`, `revocation`, `supersession`) encode as version 2 of the canonical
/// encoding; the version 1 kinds are untouched by it.
@Suite struct RecordEntryEncodingTests {
    static let characters = Array("aZ09-/:.\"\\\t\n ñé€{}")

    static func text(_ indices: [Int]) -> String { String(indices.map { characters[$0 % characters.count] }) }

    static func entry(_ kind: LedgerEntry.Kind, _ pieces: [Int]) -> LedgerEntry {
        var entry = LedgerEntry(
            kind: kind, trainee: TraineeID("T" + text(pieces)),
            curriculum: CurriculumRef(code: CurriculumCode("VTOPHT"), version: SemanticVersion(major: 1, minor: 0, patch: 0)),
            date: CalendarDate(unchecked: 2026, 11, 30), note: text(pieces.reversed()), attachmentSHA256: String(repeating: "a", count: 64),
            sequence: Int64(pieces.count + 1), recordedAt: "2026-11-30T00:00:00Z", previousHash: LedgerEntry.genesisHash)
        entry.record = RecordDetails(
            serial: "VETA-2026-" + text(pieces), format: "ob3", issuer: "https://" + text(pieces),
            validFrom: CalendarDate(unchecked: 2026, 11, 12),
            validUntil: pieces.count % 2 == 0 ? CalendarDate(unchecked: 2027, 11, 12) : nil, supersedes: text(pieces.shuffled()),
            supersededBy: text(pieces.dropFirst().map { $0 }), checkpointSize: Int64(pieces.count),
            checkpointHash: String(repeating: "0", count: 64), issuedAt: pieces.count % 3 == 0 ? "2026-01-01T00:00:00Z" : nil)
        return entry
    }

    /// Whatever the record's text holds, its canonical bytes are one JSON object whose keys are in
    /// ascending byte order and whose values are the entry's, with `v` 2; and the bytes of an entry
    /// of a version 1 kind carrying the same details do not mention them.
    @Test func recordEntriesEncodeAsSortedJSONOfTheirDetailsAndOtherKindsIgnoreThem() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1000).array(of: 1...16), Gen.int(in: 0...7)) { pieces, pick in
            let kind = LedgerEntry.Kind.allCases[pick % LedgerEntry.Kind.allCases.count]
            let entry = Self.entry(kind, pieces)
            let bytes = LedgerCanonicalEncoding.bytes(of: entry)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                Issue.record("not a JSON object: \(String(decoding: bytes, as: UTF8.self))")
                return
            }
            let keys = Self.keysInOrder(bytes)
            #expect(keys == keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            #expect(Set(keys) == Set(object.keys))
            if kind.isRecord {
                #expect(object["v"] as? Int == 2)
                #expect(object["serial"] as? String == entry.record?.serial)
                #expect(object["issuer"] as? String == entry.record?.issuer)
                #expect(object["supersededBy"] as? String == entry.record?.supersededBy)
                #expect(object["checkpointSize"] as? Int == entry.record.flatMap(\.checkpointSize).map(Int.init))
                #expect(object["validUntil"] as? String == entry.record?.validUntil?.description)
                #expect((object["issuedAt"] as? String) == entry.record?.issuedAt)
            } else {
                #expect(object["v"] as? Int == 1)
                var plain = entry
                plain.record = nil
                #expect(bytes == LedgerCanonicalEncoding.bytes(of: plain))
            }
        }
    }

    /// Stored and read back, a record entry is the same entry and hashes the same.
    @Test(arguments: Engine.all) func aRecordEntryRoundTripsThroughTheStore(engine: Engine) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("veta-record-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (store, _) = try await engine.makeStore(folder: folder, clock: { Date() })
        let xml = try Data(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Curricula/operator-haul-truck.xml"))
        _ = try await store.publish(PublishedCurriculum(ref: Self.entry(.issue, [1]).curriculum, xml: Array(xml)))
        try await store.add(Organisation(rfc: try RFC("MFR110315AB1"), name: "M", sites: []))
        try await store.add(
            Trainee(
                id: TraineeID("T1"), paternalSurname: "G", maternalSurname: "", givenNames: "A", curp: try CURP("GALA900101MZSRPN05"),
                employer: try RFC("MFR110315AB1"), occupation: "O", jobTitle: "O"))
        var entry = Self.entry(.issue, [1])
        entry.trainee = TraineeID("T1")
        entry.note = "n"
        let stored = try await store.append([entry]) { _ in }
        let read = try #require(try await store.allEntries().last?.get())
        #expect(read == stored[0])
        #expect(LedgerCanonicalEncoding.hash(of: read) == read.hash)
    }

    /// The top-level keys of a flat canonical JSON object, in the order written.
    static func keysInOrder(_ bytes: [UInt8]) -> [String] {
        var keys: [String] = []
        var index = 1
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\"") else { break }
            var end = index + 1
            while bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
            keys.append(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
            // Skip the value: a string (with escapes) or a number, to the next comma.
            index = end + 2
            if bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                index += 1
            } else {
                while bytes[index] != UInt8(ascii: ",") && bytes[index] != UInt8(ascii: "}") { index += 1 }
            }
            index += 1
        }
        return keys
    }
}
