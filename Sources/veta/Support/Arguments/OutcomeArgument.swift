import ArgumentParser
import VetaProgress

/// An `--outcome` value: `satisfactory` or `not-yet`; a bad value lists both (exit 64).
struct OutcomeArgument: ExpressibleByArgument, Sendable {
    /// The parsed outcome.
    let outcome: Outcome

    init?(argument: String) {
        guard let outcome = Outcome(rawValue: argument) else { return nil }
        self.outcome = outcome
    }

    static var allValueStrings: [String] { Outcome.allCases.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
