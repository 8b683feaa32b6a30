extension CurriculumDiff {
    /// Where the new file's declared version or `<supersedes>` disagrees with this diff.
    ///
    /// - `VETA-D003` when the codes differ, the new version is lower than the old one, or `<supersedes>`
    ///   names another code or version; the other checks are skipped when the codes differ.
    /// - `VETA-D001` when the declared bump (old version to new version) is smaller than ``requiredBump``,
    ///   including an unchanged version when something changed.
    /// - `VETA-D002` when `<supersedes equivalent="yes">` but the change is major.
    ///
    /// Findings point at the new file's `<curriculum>` or `<supersedes>`. Identical curricula with the
    /// same version have no findings.
    public func findings(old: Curriculum, new: Curriculum) -> [Diagnostic] {
        guard old.code == new.code else {
            return [
                DiffCheck.notSuccessor.diagnostic(
                    at: new.location, "curriculum code \(new.code) differs from \(old.code): not a successor of \(old.code) \(old.version)")
            ]
        }
        var findings: [Diagnostic] = []
        if let supersedes = new.supersedes, supersedes.code != old.code || supersedes.version != old.version {
            findings.append(
                DiffCheck.notSuccessor.diagnostic(
                    at: supersedes.location,
                    "<supersedes> names \(supersedes.code) \(supersedes.version), not the old file's \(old.code) \(old.version)"))
        }
        let declared = Bump.declared(from: old.version, to: new.version)
        if new.version < old.version {
            findings.append(
                DiffCheck.notSuccessor.diagnostic(
                    at: new.location, "version \(new.version) is lower than the old version \(old.version): not a successor"))
        } else if !changes.isEmpty, declared.map({ $0 < requiredBump }) ?? true {
            let minimum = minimumVersion(after: old.version)
            findings.append(
                DiffCheck.bumpTooSmall.diagnostic(
                    at: new.location,
                    "declared version \(new.version) is a \(declared?.rawValue ?? "no") bump from \(old.version), "
                        + "but the changes require a \(requiredBump.rawValue) bump (at least \(minimum))"))
        }
        if let supersedes = new.supersedes, supersedes.equivalent, !mayBeEquivalent {
            let majors = changes.filter { $0.bump == .major }.count
            findings.append(
                DiffCheck.equivalentButMajor.diagnostic(
                    at: supersedes.location,
                    "declared equivalent to \(old.code) \(old.version), but \(majors) change(s) are major"))
        }
        return findings.sorted(by: Diagnostic.sourceOrder)
    }
}
