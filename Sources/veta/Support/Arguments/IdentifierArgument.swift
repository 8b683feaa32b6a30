import ArgumentParser
import VetaProgress

/// A trainee's or assessor's id on the command line (an employee number, an assessor number).
///
/// Cleaned as the store keeps ids and as `veta import` cleans them (``CleanText``: Unicode NFC,
/// spaces of every kind trimmed), so `"T001 "` typed at a prompt names the same trainee as `T001`
/// in a spreadsheet; then 1–64 characters, no control or bidirectional-control characters. An
/// empty or malformed id is a usage error (exit 64) instead of a record nobody can name again.
struct IdentifierArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The most characters an id may have.
    static let maximumLength = 64

    /// The id as given.
    let description: String

    init?(argument: String) {
        guard let cleaned = try? CleanText.identifier(argument, field: "id"), (1...Self.maximumLength).contains(cleaned.count),
            cleaned.unicodeScalars.allSatisfy({ !$0.properties.generalCategory.isControlOrFormat })
        else { return nil }
        description = cleaned
    }
}

extension Unicode.GeneralCategory {
    /// Control characters (`\n`, NUL, DEL…) and invisible format characters (bidi overrides…).
    fileprivate var isControlOrFormat: Bool { self == .control || self == .format }
}
