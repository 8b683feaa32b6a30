/// Text in Spanish and English; every curriculum text has both.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// The Spanish text.
    public let es: String
    /// The English text.
    public let en: String

    /// Creates a bilingual text.
    public init(es: String, en: String) {
        self.es = es
        self.en = en
    }
}
