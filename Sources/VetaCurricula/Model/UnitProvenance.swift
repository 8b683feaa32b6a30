/// Where a unit comes from (schema 1.1 `<provenance>`): the published source, and which of its texts
/// are verbatim from it and which the institution wrote.
public struct UnitProvenance: Hashable, Sendable, Codable {
    /// What kind of source.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A unit of a training package (e.g. RII).
        case trainingPackage
        /// A competency standard (e.g. a CONOCER Estándar de Competencia).
        case standard
        /// Written by the issuing institution.
        case institution

        /// The kind in English, for `veta show` and the exports.
        public var name: String {
            switch self {
            case .trainingPackage: "training package"
            case .standard: "standard"
            case .institution: "institution"
            }
        }
    }

    /// A part of a unit whose text is verbatim or written by the institution.
    public enum Part: String, Hashable, Sendable, Codable, CaseIterable {
        case title, application, elements, foundationSkills, rangeOfConditions, performanceEvidence, knowledgeEvidence,
            assessmentConditions
    }

    /// A part named by `<verbatim>` or `<written>`, with where it is named.
    public struct NamedPart: Hashable, Sendable, Codable {
        /// The part.
        public let part: Part
        /// Where the naming element is.
        public let location: SourceLocation
    }

    /// The kind of source.
    public let kind: Kind
    /// The training package or framework, e.g. `RII` or `CONOCER`.
    public let package: String?
    /// The unit's code in the source, e.g. `RIIWHS201E` or `EC0391.01`.
    public let code: String?
    /// The source's release, e.g. `1`.
    public let release: String?
    /// The language of the source's text (`es` or `en`); translations are the institution's.
    public let language: String?
    /// The published source: its title and release.
    public let citation: String?
    /// The source's address.
    public let href: String?
    /// The parts whose text (in ``language``) is verbatim from the source, in document order.
    public let verbatim: [NamedPart]
    /// The parts the institution wrote, in document order.
    public let written: [NamedPart]
    /// Where the `<provenance>` is.
    public let location: SourceLocation

    /// A provenance.
    public init(
        kind: Kind, package: String?, code: String?, release: String?, language: String?, citation: String?, href: String?,
        verbatim: [NamedPart], written: [NamedPart], location: SourceLocation
    ) {
        self.kind = kind
        self.package = package
        self.code = code
        self.release = release
        self.language = language
        self.citation = citation
        self.href = href
        self.verbatim = verbatim
        self.written = written
        self.location = location
    }

    /// One line: `training package RII RIIWHS201E release 1`.
    public var summary: String {
        ([kind.name] + [package, code].compactMap { $0 } + (release.map { ["release \($0)"] } ?? [])).joined(separator: " ")
    }

    /// `verbatim (en): title, elements; written by the institution: knowledge evidence`, or nil when neither is named.
    public var textsSummary: String? {
        var parts: [String] = []
        if !verbatim.isEmpty {
            parts.append("verbatim" + (language.map { " (\($0))" } ?? "") + ": " + verbatim.map(\.part.rawValue).joined(separator: ", "))
        }
        if !written.isEmpty { parts.append("written by the institution: " + written.map(\.part.rawValue).joined(separator: ", ")) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

extension UnitProvenance {
    /// The lines the CASE export adds to the unit's `notes`, each after a line feed: `Source: ...`,
    /// `Citation: ... <href>` and `Verbatim (en): ...; written by the institution: ...` (the last two when known).
    public var caseNotes: String {
        var lines = ["Source: \(summary)"]
        if citation != nil || href != nil {
            lines.append("Citation: " + [citation, href.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
        }
        if let texts = textsSummary { lines.append(texts.prefix(1).uppercased() + texts.dropFirst()) }
        return lines.map { "\n" + $0 }.joined()
    }
}
