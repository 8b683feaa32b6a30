/// The result of comparing two curriculum files, as printed by `veta diff`: stable JSON, or text.
public struct DiffReport: Hashable, Sendable, Codable {
    /// One side of the comparison.
    public struct Side: Hashable, Sendable, Codable {
        /// The file name as given.
        public let path: String
        /// The curriculum's code.
        public let code: CurriculumCode
        /// Its declared version.
        public let version: SemanticVersion
    }

    /// The old file.
    public let old: Side
    /// The new file.
    public let new: Side
    /// Every change.
    public let changes: [Change]
    /// The bump the changes require.
    public let requiredBump: Bump
    /// The lowest version the new file may declare.
    public let minimumVersion: SemanticVersion
    /// The bump declared by going from the old version to the new one; `nil` when the version did not rise.
    public let declaredBump: Bump?
    /// Whether the new version may be declared equivalent to the old one.
    public let mayBeEquivalent: Bool
    /// Whether the new file declares itself equivalent to the one it supersedes.
    public let declaredEquivalent: Bool
    /// Disagreements between the declared version or equivalence and the changes.
    public let findings: [Diagnostic]

    /// Compares `old` with `new` and checks the new file's declarations.
    public init(old: Curriculum, new: Curriculum) {
        let diff = CurriculumDiff.between(old, new)
        self.old = Side(path: old.location.file, code: old.code, version: old.version)
        self.new = Side(path: new.location.file, code: new.code, version: new.version)
        changes = diff.changes
        requiredBump = diff.requiredBump
        minimumVersion = diff.minimumVersion(after: old.version)
        declaredBump = Bump.declared(from: old.version, to: new.version)
        mayBeEquivalent = diff.mayBeEquivalent
        declaredEquivalent = new.supersedes?.equivalent ?? false
        findings = diff.findings(old: old, new: new)
    }

    /// The text output: one line per change, the required bump, then findings in compiler style.
    ///
    /// ```
    /// + criterion RIIWHS201E 2.3 (minor)
    /// required bump: minor (1.1.0 → at least 1.2.0); declared 1.2.0
    /// ```
    public func renderText() -> String {
        var lines = changes.map(\.line)
        if changes.isEmpty { lines.append("no changes") }
        let equivalence = mayBeEquivalent ? "may be declared equivalent" : "may not be declared equivalent"
        lines.append(
            "required bump: \(changes.isEmpty ? "none" : requiredBump.rawValue) (\(old.version) → at least \(minimumVersion)); "
                + "declared \(new.version)")
        lines.append("equivalence: \(equivalence); declared \(declaredEquivalent ? "equivalent" : "not equivalent")")
        for finding in findings {
            lines.append(finding.description)
            if let fix = finding.fix { lines.append("  hint: \(fix)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
