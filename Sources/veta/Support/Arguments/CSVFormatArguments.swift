import ArgumentParser
import VetaProgress

/// `import --encoding`: `utf-8` (a byte-order mark allowed) or `windows-1252`; a bad value is a usage error (exit 64).
extension CSV.Encoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// `import --delimiter`: `,` (or `comma`), `;` (or `semicolon`) or `tab`; a bad value is a usage error (exit 64).
extension CSV.Delimiter: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }

    public static var allValueStrings: [String] { allCases.map(\.description) }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
