import ArgumentParser
import VetaProgress

/// `import --encoding`: `utf-8` (a byte-order mark allowed) or `windows-1252`; a bad value is a usage error (exit 64).
struct EncodingArgument: ExpressibleByArgument, Sendable {
    /// The parsed encoding.
    let encoding: CSV.Encoding

    init(_ encoding: CSV.Encoding) { self.encoding = encoding }

    init?(argument: String) {
        guard let encoding = CSV.Encoding(name: argument) else { return nil }
        self.encoding = encoding
    }

    var defaultValueDescription: String { encoding.rawValue }

    static var allValueStrings: [String] { CSV.Encoding.allCases.map(\.rawValue) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// `import --delimiter`: `,` (or `comma`), `;` (or `semicolon`) or `tab`; a bad value is a usage error (exit 64).
struct DelimiterArgument: ExpressibleByArgument, Sendable {
    /// The parsed separator.
    let delimiter: CSV.Delimiter

    init?(argument: String) {
        guard let delimiter = CSV.Delimiter(name: argument) else { return nil }
        self.delimiter = delimiter
    }

    static var allValueStrings: [String] { CSV.Delimiter.allCases.map(\.description) }

    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
