import ArgumentParser

/// A trainee's or assessor's id on the command line (an employee number, an assessor number).
///
/// 1–64 characters, no control characters (so no line breaks), no space at either end. An empty or
/// malformed id is a usage error (exit 64) instead of a record nobody can name again.
struct IdentifierArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The most characters an id may have.
    static let maximumLength = 64

    /// The id as given.
    let description: String

    init?(argument: String) {
        guard (1...Self.maximumLength).contains(argument.count),
            argument.unicodeScalars.allSatisfy({ !$0.properties.generalCategory.isControlOrFormat }),
            argument.first?.isWhitespace == false, argument.last?.isWhitespace == false
        else { return nil }
        description = argument
    }
}

extension Unicode.GeneralCategory {
    /// Control characters (`\n`, NUL, DEL…) and invisible format characters (bidi overrides…).
    fileprivate var isControlOrFormat: Bool { self == .control || self == .format }
}
