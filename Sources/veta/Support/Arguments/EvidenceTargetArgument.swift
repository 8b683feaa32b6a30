import ArgumentParser
import VetaProgress

/// A `--target` value: `unit`, `element:N`, `criterion:N.M` or `knowledge:ID`.
///
/// The numbers and the id follow the curriculum schema (`N` 1–99, `N.M` as `[1-9][0-9]?.[1-9][0-9]?`,
/// `ID` as `[A-Za-z0-9][A-Za-z0-9_-]{0,15}`); anything else is a usage error: exit 64.
struct EvidenceTargetArgument: ExpressibleByArgument, Sendable {
    /// The parsed target.
    let target: EvidenceTarget

    init?(argument: String) {
        guard let target = EvidenceTarget(argument), Self.isWellFormed(target) else { return nil }
        self.target = target
    }

    /// The forms, for `--help` and for the error message.
    static var allValueStrings: [String] { ["unit", "element:N", "criterion:N.M", "knowledge:ID"] }

    static func isWellFormed(_ target: EvidenceTarget) -> Bool {
        switch target {
        case .unit: return true
        case .element(let number): return (1...99).contains(number)
        case .criterion(let number):
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && parts.allSatisfy(isSmallNumber)
        case .knowledge(let id):
            let bytes = Array(id.utf8)
            return (1...16).contains(bytes.count) && isAlphanumeric(bytes[0])
                && bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isSmallNumber(_ text: Substring) -> Bool {
        (1...2).contains(text.utf8.count) && text.first != "0" && text.utf8.allSatisfy { (48...57).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}
