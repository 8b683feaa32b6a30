public import VetaCurricula

extension CredentialBuilder {
    /// The curriculum's references, then, for a unit's achievement, the unit's published source
    /// (schema 1.1 `<provenance>`): ``sourceAlignment(_:of:)``.
    static func alignments(_ curriculum: Curriculum, unit: VetaCurricula.Unit?) -> [AchievementCredential.Alignment] {
        alignments(curriculum) + (unit.flatMap { unit in unit.provenance.map { sourceAlignment($0, of: unit) } }.map { [$0] } ?? [])
    }

    /// The alignment to the source a unit was transcribed from: named by the citation (or code and
    /// title), at the citation's http(s) address or `urn:veta:source:KIND:PACKAGE:CODE[:RELEASE]`,
    /// coded `CODE release R`, in the package's framework (`RII`, `CONOCER`) or the kind's name.
    public static func sourceAlignment(_ provenance: UnitProvenance, of unit: VetaCurricula.Unit) -> AchievementCredential.Alignment {
        let code = provenance.code ?? unit.code.rawValue
        let web = provenance.href.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        return AchievementCredential.Alignment(
            targetName: provenance.citation ?? "\(code) \(unit.title.en.isEmpty ? unit.title.es : unit.title.en)",
            targetUrl: web
                ?? "urn:veta:source:\(provenance.kind.rawValue):\(provenance.package ?? "-"):\(code)"
                + (provenance.release.map { ":\($0)" } ?? ""),
            targetCode: code + (provenance.release.map { " release \($0)" } ?? ""),
            targetFramework: provenance.package ?? provenance.kind.name)
    }
}
