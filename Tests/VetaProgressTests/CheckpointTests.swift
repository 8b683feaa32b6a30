import Crypto
import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaProgress

/// Signed checkpoints: the C2SP signed-note and tlog-checkpoint formats, and the verdict of each
/// checkpoint against a log that was truncated, rolled back or rewritten.
@Suite struct CheckpointTests {
    static let key = SigningKey()

    @Test func aSignedNoteVerifiesWithItsKeyNamedOrBareAndWithNoOther() throws {
        let text = try SignedNote.sign(
            "origin\n1\n" + Data(repeating: 7, count: 32).base64EncodedString() + "\n", keyName: "site", key: Self.key)
        let note = try SignedNote(parsing: Array(text.utf8))
        #expect(note.isSigned(by: try NoteVerifierKey(name: "site", publicKey: Self.key.publicKey)))
        #expect(note.isSigned(by: NoteVerifierKey(publicKey: Self.key.publicKey)))
        #expect(!note.isSigned(by: try NoteVerifierKey(name: "other", publicKey: Self.key.publicKey)))
        #expect(!note.isSigned(by: NoteVerifierKey(publicKey: SigningKey().publicKey)))
        let altered = try SignedNote(parsing: Array(text.replacingOccurrences(of: "\n1\n", with: "\n2\n").utf8))
        #expect(!altered.isSigned(by: NoteVerifierKey(publicKey: Self.key.publicKey)))
    }

    @Test func theKeyIDIsTheFirstFourBytesOfSHA256OfNameNewlineTypeAndKey() throws {
        let verifier = try NoteVerifierKey(name: "site", publicKey: Self.key.publicKey)
        let expected = Array(SHA256.hash(data: Array("site".utf8) + [0x0A, 0x01] + Self.key.publicKey.rawBytes).prefix(4))
        #expect(verifier.keyID == expected)
        let text = try #require(verifier.verifierKey)
        #expect(text.hasPrefix("site+\(expected.hexString)+"))
        #expect(try NoteVerifierKey(verifierKey: text) == verifier)
        #expect(throws: KeyError.self) { try NoteVerifierKey(verifierKey: text.replacingOccurrences(of: "site+", with: "sitf+")) }
        #expect(throws: KeyError.self) { try NoteVerifierKey(name: "a b", publicKey: Self.key.publicKey) }
    }

    /// Standard base64 uses "+", so a key's text often holds one: every key's verifier key reads back.
    @Test func everyVerifierKeyReadsBackWhateverItsBase64Holds() throws {
        var withPlus = 0
        for _ in 0..<300 {
            let verifier = try NoteVerifierKey(name: "site", publicKey: SigningKey().publicKey)
            let text = try #require(verifier.verifierKey)
            if text.split(separator: "+").count > 3 { withPlus += 1 }
            #expect(try NoteVerifierKey(verifierKey: text) == verifier)
        }
        #expect(withPlus > 0)
    }

    @Test func aCheckpointBodyIsOriginSizeBase64HeadAndTimeAndReadsBack() throws {
        let head = String(repeating: "ab", count: 32)
        let checkpoint = Checkpoint(origin: "veta-ledger/" + head, size: 42, head: head, time: "2026-11-30T17:30:00Z")
        let lines = checkpoint.body.split(separator: "\n").map(String.init)
        #expect(
            lines == ["veta-ledger/" + head, "42", Data(repeating: 0xAB, count: 32).base64EncodedString(), "time 2026-11-30T17:30:00Z"])
        #expect(try Checkpoint(body: checkpoint.body) == checkpoint)
        #expect(throws: KeyError.self) { try Checkpoint(body: "o\n042\n" + lines[2] + "\n") }
        #expect(throws: KeyError.self) { try Checkpoint(body: "o\n42\nnot-base64\n") }
    }

    @Test(arguments: ["", "no blank line\n", "body\n\nnot a signature\n", "body\n\n— site AAAA\n", "body\n\n"])
    func aMalformedNoteIsRefused(_ text: String) {
        #expect(throws: KeyError.self) { try SignedNote(parsing: Array(text.utf8)) }
    }

    /// A chain of `count` entries, as the store would append them.
    static func chain(_ count: Int, rewrittenAt position: Int? = nil) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        var previous = LedgerEntry.genesisHash
        for sequence in 1...Int64(count) {
            var entry = LedgerTests.sample
            entry.sequence = sequence
            entry.previousHash = previous
            entry.minutes = Int(sequence) + (sequence == position.map(Int64.init) ? 1000 : 0)
            entry.hash = LedgerCanonicalEncoding.hash(of: entry)
            previous = entry.hash
            entries.append(entry)
        }
        return entries
    }

    static func heads(_ entries: [LedgerEntry]) -> CheckpointVerifier.LogHeads {
        var log = CheckpointVerifier.LogHeads()
        log.size = entries.last?.sequence ?? 0
        log.origin = entries.first.map { Checkpoint.origin(firstHash: $0.hash) }
        for entry in entries { log.hashes[entry.sequence] = entry.hash }
        return log
    }

    static func checkpoint(of entries: [LedgerEntry], size: Int) -> (String, Checkpoint) {
        (
            "c\(size)",
            Checkpoint(origin: Checkpoint.origin(firstHash: entries[0].hash), size: Int64(size), head: entries[size - 1].hash, time: nil)
        )
    }

    /// Whatever the log's length and the checkpoint's size: a log cut shorter than the checkpoint is truncated, a longer one extends it.
    @Test func anyTruncationBelowTheCheckpointIsNamedAndNoneAboveIt() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...40), Gen.int(in: 1...40), Gen.int(in: 1...40)) { total, at, cut in
            let size = min(at, total)
            let full = Self.chain(total)
            let kept = Array(full.prefix(cut))
            let verdict = CheckpointVerifier.check([Self.checkpoint(of: full, size: size)], against: Self.heads(kept))[0]
            #expect(verdict.kind == (cut < size ? .truncated : .extended))
        }
    }

    /// Whatever entry is rewritten (every later hash recomputed): at or before the checkpoint it is named rewritten, after it not.
    @Test func anyRewriteAtOrBeforeTheCheckpointIsNamedAndNoneAfterIt() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2...40), Gen.int(in: 1...40), Gen.int(in: 2...40)) { total, at, position in
            let size = min(at, total)
            let position = min(position, total)
            let original = Self.chain(total)
            let rewritten = Self.chain(total, rewrittenAt: position)
            let verdict = CheckpointVerifier.check([Self.checkpoint(of: original, size: size)], against: Self.heads(rewritten))[0]
            #expect(verdict.kind == (position <= size ? .rewritten : .extended))
        }
    }

    /// Whatever entry the chain breaks at (an edit in place, no hash recomputed): a checkpoint whose
    /// entries reach it is not judged, never extended; one that ends before it is extended.
    @Test func aBrokenChainAtOrBeforeTheCheckpointIsNeverExtended() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...40), Gen.int(in: 1...40), Gen.int(in: 1...40)) { total, at, broken in
            let size = min(at, total)
            let broken = min(broken, total)
            let log = Self.chain(total)
            let verdict = CheckpointVerifier.check(
                [Self.checkpoint(of: log, size: size)], against: Self.heads(log), brokenAt: Int64(broken))[0]
            #expect(verdict.kind == (broken <= size ? .notJudged : .extended))
            #expect(!verdict.holds || broken > size)
            if broken <= size { #expect(verdict.message.hasPrefix("not judged: the chain is broken at entry \(broken)")) }
        }
    }

    @Test func aLogEndingWhereAnOlderCheckpointEndedIsRolledBack() {
        let full = Self.chain(10)
        let findings = CheckpointVerifier.check(
            [Self.checkpoint(of: full, size: 4), Self.checkpoint(of: full, size: 10)], against: Self.heads(Array(full.prefix(4))))
        #expect(findings.map(\.kind) == [.extended, .rolledBack])
    }

    @Test func aCheckpointOfAnotherLogIsNamed() {
        let other = Self.chain(5, rewrittenAt: 1)
        let verdict = CheckpointVerifier.check([Self.checkpoint(of: other, size: 3)], against: Self.heads(Self.chain(5)))[0]
        #expect(verdict.kind == .otherLog)
    }

    @Test func aForgedOrForeignSignatureIsItsOwnFinding() throws {
        let body = Self.checkpoint(of: Self.chain(3), size: 3).1.body
        let signed = try SignedNote.sign(body, keyName: "site", key: Self.key)
        let forged = signed.replacingOccurrences(of: "\n3\n", with: "\n2\n")
        let foreign = try SignedNote.sign(body, keyName: "site", key: SigningKey())
        let files: [CheckpointVerifier.File] = [
            ("good", .success(Array(signed.utf8))), ("forged", .success(Array(forged.utf8))),
            ("foreign", .success(Array(foreign.utf8))), ("junk", .success(Array("junk\n".utf8))),
        ]
        let (valid, findings) = CheckpointVerifier.read(files, keys: [NoteVerifierKey(publicKey: Self.key.publicKey)])
        #expect(valid.map(\.0) == ["good"])
        #expect(findings.map(\.kind) == [.badSignature, .badSignature, .unreadable])
    }
}
