import ArgumentParser
import VetaCurricula
import VetaProgress

/// A curriculum on the command line: `CODE` (its highest published version) or `CODE@x.y.z`.
///
/// The code is 1–12 uppercase letters or digits and the version a semantic version, as in the
/// curriculum schema; anything else (an empty string, `../x`, `VTOPHT@1.0`) is a usage error: exit 64.
struct CurriculumTarget: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The curriculum's code.
    let code: CurriculumCode
    /// The version, when one was named.
    let version: SemanticVersion?

    init?(argument: String) {
        let parts = argument.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, Self.isCode(first) else { return nil }
        code = CurriculumCode(first)
        if parts.count == 2 {
            guard Self.isVersion(parts[1]), let version = SemanticVersion(parts[1]) else { return nil }
            self.version = version
        } else {
            version = nil
        }
    }

    /// `CODE` or `CODE@x.y.z`, as given.
    var description: String { code.rawValue + (version.map { "@\($0)" } ?? "") }

    var defaultValueDescription: String { description }

    /// The reference with a version; `nil` when only a code was given.
    var reference: CurriculumRef? { version.map { CurriculumRef(code: code, version: $0) } }

    /// A code as the schema's `Code` type allows: `[A-Z0-9]{1,12}`.
    static func isCode(_ text: String) -> Bool {
        (1...12).contains(text.utf8.count) && text.utf8.allSatisfy { (65...90).contains($0) || (48...57).contains($0) }
    }

    /// A version as the schema's `SemanticVersion` type allows: three numbers of 1–6 digits, no leading zeros.
    static func isVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3
            && parts.allSatisfy { part in
                (1...6).contains(part.utf8.count) && part.utf8.allSatisfy { (48...57).contains($0) }
                    && (part == "0" || part.first != "0")
            }
    }
}

extension ProgressService {
    /// The published curriculum a command-line target names (refused when it is not published).
    func resolve(_ target: CurriculumTarget) async throws -> CurriculumRef {
        try await resolve(target.description)
    }

    /// The version a command-line target names for one trainee: `CODE` is the version the trainee
    /// is enrolled in (``ProgressService/resolve(_:for:)``), `CODE@x.y.z` that version.
    func resolve(_ target: CurriculumTarget, for trainee: TraineeID) async throws -> CurriculumRef {
        try await resolve(target.description, for: trainee)
    }
}
