/// The `<dc3>` block of a curriculum (schema 1.1): what the STPS DC-3 constancia needs that the
/// units do not say.
public struct DC3Details: Hashable, Sendable, Codable {
    /// A thematic area of the STPS catalogue of *áreas temáticas*.
    public struct ThematicArea: Hashable, Sendable, Codable {
        /// The catalogue key, four digits, e.g. `6000`.
        public let key: String
        /// The area's name as the catalogue writes it, e.g. `Seguridad`.
        public let name: String

        /// The text the DC-3 prints: key and name, e.g. `6000 Seguridad`.
        public var printed: String { "\(key) \(name)" }
    }

    /// The thematic area.
    public let thematicArea: ThematicArea
    /// The course name exactly as it must appear on the form.
    public let courseName: String
    /// Where the `<dc3>` is.
    public let location: SourceLocation
}
