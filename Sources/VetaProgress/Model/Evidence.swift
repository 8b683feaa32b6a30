public import VetaCurricula

/// What a piece of evidence is about.
public enum EvidenceTarget: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A performance criterion, by number (`2.3`).
    case criterion(String)
    /// A whole element, by number: covers all its criteria.
    case element(Int)
    /// A knowledge evidence item, by id (`K3`).
    case knowledge(String)
    /// A performance requirement (schema 1.1), by id (`P1`): counts towards that requirement's occasions.
    case performance(String)
    /// The whole unit: covers everything (RPL and credit transfer are recorded this way).
    case unit

    /// `criterion:2.3`, `element:2`, `knowledge:K3`, `performance:P1` or `unit`, as the CLI and CSV write it.
    public var description: String {
        switch self {
        case .criterion(let number): "criterion:\(number)"
        case .element(let number): "element:\(number)"
        case .knowledge(let id): "knowledge:\(id)"
        case .performance(let id): "performance:\(id)"
        case .unit: "unit"
        }
    }

    /// Parses the form ``description`` writes.
    public init?(_ text: String) {
        if text == "unit" {
            self = .unit
            return
        }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        switch parts[0] {
        case "criterion": self = .criterion(parts[1])
        case "element":
            guard let number = Int(parts[1]), number > 0 else { return nil }
            self = .element(number)
        case "knowledge": self = .knowledge(parts[1])
        case "performance": self = .performance(parts[1])
        default: return nil
        }
    }
}

/// How evidence was gathered.
public enum EvidenceMethod: String, Hashable, Sendable, Codable, CaseIterable {
    case observation
    case practical
    case writtenTest = "written-test"
    case oralTest = "oral-test"
    case product
    case thirdParty = "third-party"
    case rpl
    case creditTransfer = "credit-transfer"

    /// Whether this method shows performance (counts towards the occasions a unit requires).
    public var showsPerformance: Bool {
        switch self {
        case .observation, .practical, .product, .thirdParty: true
        case .writtenTest, .oralTest, .rpl, .creditTransfer: false
        }
    }

    /// Whether this method recognises competence already held (it covers a whole unit).
    public var recognisesPriorCompetence: Bool {
        self == .rpl || self == .creditTransfer
    }
}

/// The assessor's judgement on a piece of evidence.
public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
    case satisfactory
    case notYet = "not-yet"
}
