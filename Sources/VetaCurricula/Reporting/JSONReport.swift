import Foundation

/// The `--format json` document: one object, stable shape, keys sorted.
public struct JSONReport: Codable, Sendable {
    /// The shape's version; raised only when a field is removed or changes meaning.
    public var formatVersion = 1
    /// One entry per file.
    public var files: [File]
    /// Counts over all files.
    public var summary: ValidationSummary

    /// One file's outcome.
    public struct File: Codable, Sendable {
        /// The path as given.
        public var path: String
        /// Whether the file has no errors.
        public var valid: Bool
        /// The curriculum's code, when it could be read.
        public var code: String?
        /// The curriculum's version, when it could be read.
        public var version: String?
        /// The findings.
        public var diagnostics: [Diagnostic]
        /// Why the file could not be read (then it has no findings and is not valid); absent otherwise.
        public var error: String? = nil
    }

    /// Builds the report for `results`.
    public init(_ results: [ValidationResult]) {
        files = results.map {
            File(
                path: $0.path, valid: !$0.hasErrors, code: $0.code?.rawValue,
                version: $0.version?.description, diagnostics: $0.diagnostics)
        }
        summary = ValidationSummary(results)
    }

    /// The report as pretty-printed JSON with sorted keys.
    public func encoded() throws -> String {
        try JSONOutput.encode(self)
    }
}

/// Shared JSON encoding for every machine-readable output: pretty, sorted keys, no escaped slashes.
public enum JSONOutput {
    /// Encodes `value` as UTF-8 JSON text ending in a newline.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
