/// A bilingual text written in one language only (schema 1.1): allowed in a draft, which
/// `VETA-R021` lists, and refused in a current or superseded curriculum (`VETA-R020`).
public struct UntranslatedText: Hashable, Sendable, Codable {
    /// The language a bilingual text can be missing.
    public enum Language: String, Hashable, Sendable, Codable {
        /// Spanish, `<es>`.
        case es
        /// English, `<en>`.
        case en

        /// The language's name in English, for messages.
        public var name: String { self == .es ? "Spanish" : "English" }
    }

    /// The element holding the text, e.g. `criterion` or `title`.
    public let element: String
    /// The language the text is missing.
    public let missing: Language
    /// Where the element is.
    public let location: SourceLocation
}
