/// Which units make a complete curriculum.
public struct PackagingRules: Hashable, Sendable, Codable {
    /// Units required in all.
    public let totalUnits: Int
    /// Electives that may come from outside the curriculum.
    public let externalElectives: Int
    /// Units every trainee must complete.
    public let core: [UnitReference]
    /// Groups of electives with their minimum and maximum.
    public let electiveGroups: [ElectiveGroup]
    /// Where `<packaging>` is.
    public let location: SourceLocation
}

/// A group of elective units and how many of them count.
public struct ElectiveGroup: Hashable, Sendable, Codable {
    /// The group's id, e.g. `A`.
    public let id: String
    /// Electives required from this group at least.
    public let minimum: Int
    /// Electives that count from this group at most, when limited.
    public let maximum: Int?
    /// The units in the group.
    public let units: [UnitReference]
    /// Where `<electiveGroup>` is.
    public let location: SourceLocation
}
