/// The earlier unit a unit supersedes (schema 1.1 `<supersedes unit="..." equivalent="..."/>` in a
/// `<unit>`), e.g. RIICCM201E superseding RIICCM201D.
public struct UnitSupersession: Hashable, Sendable, Codable {
    /// The code of the earlier unit.
    public let unit: UnitCode
    /// Whether the two units are equivalent (evidence for one counts for the other).
    public let equivalent: Bool
    /// Where the `<supersedes>` is.
    public let location: SourceLocation

    /// A unit supersession.
    public init(unit: UnitCode, equivalent: Bool, location: SourceLocation) {
        self.unit = unit
        self.equivalent = equivalent
        self.location = location
    }
}

/// A unit of one version swapped for its successor in the next: the earlier unit is gone, the
/// successor is new and names it in `<supersedes>`.
public struct UnitSwap: Hashable, Sendable {
    /// The earlier unit (in the old version only).
    public let earlier: Unit
    /// Its successor (in the new version only).
    public let successor: Unit
    /// Whether the successor is equivalent to the earlier unit.
    public var equivalent: Bool { successor.supersedes?.equivalent ?? false }

    /// The swaps from `old` to `new`: each unit of `new` not in `old` whose `<supersedes>` names a unit
    /// of `old` that is not in `new`, in the order of `new`'s units.
    public static func between(_ old: Curriculum, _ new: Curriculum) -> [UnitSwap] {
        new.units.compactMap { successor in
            guard old.unit(successor.code) == nil, let earlierCode = successor.supersedes?.unit, new.unit(earlierCode) == nil,
                let earlier = old.unit(earlierCode)
            else { return nil }
            return UnitSwap(earlier: earlier, successor: successor)
        }
    }
}
