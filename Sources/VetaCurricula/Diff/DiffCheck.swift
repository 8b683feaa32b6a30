/// The findings a diff can raise when the new file's declared version or equivalence disagrees with its changes.
public enum DiffCheck: String, Hashable, Sendable, Codable, CaseIterable {
    /// `VETA-D001`: the declared version bump is smaller than the change requires.
    case bumpTooSmall = "VETA-D001"
    /// `VETA-D002`: the new version is declared equivalent, but the change is major.
    case equivalentButMajor = "VETA-D002"
    /// `VETA-D003`: the files are not two versions of one curriculum, or the new one is not a successor.
    case notSuccessor = "VETA-D003"

    /// The stable code, e.g. `VETA-D001`.
    public var code: String { rawValue }

    /// How to fix a finding of this kind, in one line.
    public var fix: String {
        switch self {
        case .bumpTooSmall:
            "raise the new curriculum's version to at least the required one, or undo the changes that require it."
        case .equivalentButMajor:
            "set <supersedes equivalent=\"no\">, since completions of the old version do not cover the new one."
        case .notSuccessor:
            "compare two versions of the same curriculum, with a higher version and <supersedes> naming the old one."
        }
    }

    func diagnostic(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(code: code, severity: .error, location: location, message: message, fix: fix)
    }
}
