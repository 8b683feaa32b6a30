/// One performance requirement of a unit (schema 1.1), with its own number of occasions.
///
/// Published units list several ("conducted rigid haul truck operations on at least two occasions",
/// "responded to an emergency on at least one occasion"); each needs its occasions on its own.
/// Evidence names a requirement by its id (`performance:P1`).
public struct PerformanceRequirement: Hashable, Sendable, Codable {
    /// The requirement's id, unique among the unit's requirements, e.g. `P1`.
    public let id: String
    /// Satisfactory observations this requirement needs, each on a different date.
    public let occasions: Int
    /// What must be demonstrated.
    public let text: LocalizedText
    /// Where the `<requirement>` is.
    public let location: SourceLocation

    /// A requirement of a unit's performance evidence.
    public init(id: String, occasions: Int, text: LocalizedText, location: SourceLocation) {
        self.id = id
        self.occasions = occasions
        self.text = text
        self.location = location
    }
}

/// What the competency engine counts: one requirement's occasions.
public struct OccasionRequirement: Hashable, Sendable {
    /// The requirement's id; nil for the single requirement of a unit in the 1.0 form.
    public let id: String?
    /// Satisfactory occasions needed, each on a different date (0 when the file states none).
    public let occasions: Int
    /// Where the occasions are stated.
    public let location: SourceLocation
}

extension Unit {
    /// The occasions the unit needs, one entry per requirement: the schema 1.1 requirements, or in the
    /// 1.0 form the unit's single number of occasions as one requirement without an id.
    public var occasionRequirements: [OccasionRequirement] {
        let evidence = performanceEvidence
        if evidence.requirements.isEmpty {
            return [OccasionRequirement(id: nil, occasions: evidence.occasions ?? 0, location: evidence.location)]
        }
        return evidence.requirements.map { OccasionRequirement(id: $0.id, occasions: $0.occasions, location: $0.location) }
    }

    /// Every occasion the unit asks for: the 1.0 number, or the sum of its requirements' (never overflowing).
    public var totalOccasions: Int {
        occasionRequirements.reduce(0) { total, requirement in
            let (sum, overflow) = total.addingReportingOverflow(max(requirement.occasions, 0))
            return overflow ? Int.max : sum
        }
    }

    /// The requirement with this id, or nil when the unit has none.
    public func performanceRequirement(_ id: String) -> PerformanceRequirement? {
        performanceEvidence.requirements.first { $0.id == id }
    }
}
