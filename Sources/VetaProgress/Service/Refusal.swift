/// A request Veta refuses because of what it asks for, with every reason; the store is unchanged.
public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was refused.
    public let summary: String
    /// Why, one reason per line.
    public let reasons: [String]

    /// Creates a refusal.
    public init(_ summary: String, reasons: [String] = []) {
        self.summary = summary
        self.reasons = reasons
    }

    public var description: String {
        ([summary] + reasons.map { "  - \($0)" }).joined(separator: "\n")
    }
}
