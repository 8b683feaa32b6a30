extension SemanticVersion {
    /// The lowest version that raises this one by `bump`: `1.1.3` bumped by ``Bump/minor`` is `1.2.0`.
    public func bumped(by bump: Bump) -> SemanticVersion {
        switch bump {
        case .major: SemanticVersion(major: major + 1, minor: 0, patch: 0)
        case .minor: SemanticVersion(major: major, minor: minor + 1, patch: 0)
        case .patch: SemanticVersion(major: major, minor: minor, patch: patch + 1)
        }
    }
}
