import ArgumentParser
import VetaProgress

/// A `--method` value: one of the evidence methods; `--help` and a bad value list them all (exit 64).
struct MethodArgument: ExpressibleByArgument, Sendable {
    /// The parsed method.
    let method: EvidenceMethod

    init?(argument: String) {
        guard let method = EvidenceMethod(rawValue: argument) else { return nil }
        self.method = method
    }

    static var allValueStrings: [String] { EvidenceMethod.allCases.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
