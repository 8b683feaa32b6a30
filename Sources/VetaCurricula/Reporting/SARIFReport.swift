/// A SARIF 2.1.0 log, so CI systems can show findings inline.
public struct SARIFReport: Encodable, Sendable {
    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    let runs: [Run]

    struct Run: Encodable { let tool: Tool, results: [Result] }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name: String, version: String, rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String, name: String, shortDescription: Message, help: Message, defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { let level: String }
    struct Message: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String, ruleIndex: Int, level: String, message: Message, locations: [Location]
        let properties: Properties?
    }
    /// The result's property bag: libxml2's own text, when Veta rephrased a libxml2 finding.
    struct Properties: Encodable { let originalMessage: String }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { let artifactLocation: ArtifactLocation, region: Region? }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable { let startLine: Int, startColumn: Int? }

    /// Builds the log for `results`, describing every rule Veta has.
    public init(_ results: [ValidationResult], toolVersion: String) {
        self.init(diagnostics: results.flatMap(\.diagnostics), descriptors: RuleCatalog.descriptors, toolVersion: toolVersion)
    }

    /// Builds the log for `diagnostics`, describing the rules in `descriptors`.
    public init(diagnostics: [Diagnostic], descriptors: [RuleDescriptor], toolVersion: String) {
        let index = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })
        let rules = descriptors.map {
            Rule(
                id: $0.id, name: $0.name, shortDescription: Message(text: $0.summary), help: Message(text: $0.fix),
                defaultConfiguration: Configuration(level: $0.severity.rawValue))
        }
        let findings = diagnostics.map { diagnostic in
            Result(
                ruleId: diagnostic.code, ruleIndex: index[diagnostic.code] ?? 0, level: diagnostic.severity.rawValue,
                message: Message(text: diagnostic.message + (diagnostic.fix.map { " Fix: \($0)" } ?? "")),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: Self.uri(diagnostic.location.file)),
                            region: diagnostic.location.line > 0
                                ? Region(startLine: diagnostic.location.line, startColumn: diagnostic.location.column) : nil))
                ],
                properties: diagnostic.originalMessage.map(Properties.init(originalMessage:)))
        }
        runs = [
            Run(
                tool: Tool(
                    driver: Driver(name: "veta", version: toolVersion, rules: rules)),
                results: findings)
        ]
    }

    /// The log as JSON.
    public func encoded() throws -> String {
        try JSONOutput.encode(self)
    }

    /// A relative URI reference for a path: spaces and other reserved characters percent-encoded.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if character.isASCII && (character.isLetter || character.isNumber || "-._~/".contains(character)) {
                result.append(character)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
