/// The semantic difference between two versions of a curriculum and the version bump it requires.
///
/// ```swift
/// let diff = CurriculumDiff.between(old, new)
/// for change in diff.changes { print(change.line) }
/// print(diff.requiredBump, diff.mayBeEquivalent)
/// let problems = diff.findings(old: old, new: new)  // VETA-D001, VETA-D002, VETA-D003
/// ```
public struct CurriculumDiff: Hashable, Sendable, Codable {
    /// Every change, curriculum first, then unit by unit in the new file's order, then packaging.
    public let changes: [Change]

    /// Creates a diff from its changes.
    public init(changes: [Change]) {
        self.changes = changes
    }

    /// The largest bump any change requires; ``Bump/patch`` when nothing changed.
    public var requiredBump: Bump {
        changes.map(\.bump).max() ?? .patch
    }

    /// Whether the new version may be declared equivalent to the old one: only when the bump is minor or patch.
    public var mayBeEquivalent: Bool {
        requiredBump < .major
    }

    /// The lowest version that `old` may be succeeded by, or `old` itself when nothing changed.
    public func minimumVersion(after old: SemanticVersion) -> SemanticVersion {
        changes.isEmpty ? old : old.bumped(by: requiredBump)
    }
}
