import ArgumentParser
import VetaProgress

/// A `--target` value: `unit`, `element:N`, `criterion:N.M`, `knowledge:ID` or `performance:ID`, parsed by
/// ``EvidenceTarget/init(parsing:)``, the parser `veta import` uses; anything else is a usage
/// error: exit 64.
struct EvidenceTargetArgument: ExpressibleByArgument, Sendable {
    /// The parsed target.
    let target: EvidenceTarget

    init?(argument: String) {
        guard let target = try? EvidenceTarget(parsing: argument) else { return nil }
        self.target = target
    }

    /// The forms, for `--help` and for the error message.
    static var allValueStrings: [String] { EvidenceTarget.forms }
}
