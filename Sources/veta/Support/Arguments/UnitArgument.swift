import ArgumentParser
import VetaCurricula

/// A `--unit` value: a unit code as the schema's `Code` type allows, `[A-Z0-9]{1,12}`.
///
/// Anything else is a usage error (exit 64) rather than a lookup that cannot succeed.
struct UnitArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The unit's code.
    let code: UnitCode

    init?(argument: String) {
        guard CurriculumTarget.isCode(argument) else { return nil }
        code = UnitCode(argument)
    }

    var description: String { code.rawValue }
}
