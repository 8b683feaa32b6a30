public import Foundation
import VetaCurricula
import VetaProgress

extension RecordService {
    /// The image format of a baked badge.
    public enum BadgeFormat: String, Sendable, CaseIterable {
        /// An SVG image.
        case svg
        /// A PNG image.
        case png
    }

    /// A badge image (``BadgeBaker``) for the credential registered as `serial`, baked from the
    /// bytes its signed log entry proves and showing its curriculum or unit.
    ///
    /// - Throws: a `Refusal` for an unknown serial or a missing or altered stored file, and
    ///   ``BadgeError`` for a DC-3 serial.
    public func badge(_ serial: String, format: BadgeFormat) async throws -> Data {
        guard let record = try await records.record(serial) else { throw Refusal("no record \(serial)") }
        guard record.format == .ob3 else { throw BadgeError.notACredential(serial) }
        guard let bytes = try await records.artifact(serial), SHA256Hex.of(bytes) == record.sha256 else {
            throw Refusal(
                "the stored credential of \(serial) is missing or does not match the sha256 in the log; run veta ledger verify")
        }
        let curriculum = try await progress.curriculum(record.curriculum)
        let unit = record.unit.flatMap { curriculum.unit($0) }
        let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch format {
        case .svg: return try BadgeBaker.svg(credentialJWT: token, curriculum: curriculum, unit: unit)
        case .png: return try BadgeBaker.png(credentialJWT: token, curriculum: curriculum, unit: unit)
        }
    }
}
