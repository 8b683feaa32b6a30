extension LedgerEntry.Kind {
    /// The kind's name with its English article, for messages: "an organisation", "a trainee".
    public var withArticle: String {
        let name = rawValue
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}
