/// A new curriculum file to fill in: every required part once, with an XML comment saying what
/// each part is for. It is a valid draft as written (`veta validate` accepts it), so an author
/// can change one thing at a time and validate after each change.
///
/// ```swift
/// let xml = try CurriculumSkeleton(code: "VTOPHT", level: .operator, languages: .both, published: "2026-12-01").xml
/// ```
public struct CurriculumSkeleton: Sendable {
    /// Which languages the texts are written in. A draft may be in one language; a current
    /// curriculum needs both (rule VETA-R020).
    public enum Languages: String, Sendable, CaseIterable {
        /// Spanish only.
        case es
        /// English only.
        case en
        /// Spanish and English.
        case both
    }

    /// Why a skeleton cannot be made.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// What was wrong, and how to fix it.
        public let description: String
    }

    /// The curriculum's code.
    public let code: String
    /// The occupational level.
    public let level: Level
    /// The languages of its texts.
    public let languages: Languages
    /// The publication date written in `<published>`, `YYYY-MM-DD`.
    public let published: String

    /// Checks the code (1 to 12 uppercase letters or digits) and the date.
    ///
    /// - Throws: ``Refusal`` naming the value that cannot be used.
    public init(code: String, level: Level, languages: Languages, published: String) throws(Refusal) {
        guard case .success = XSDValueReader.string(code, matching: .code) else {
            throw Refusal(description: "the code \"\(code)\" is not 1 to 12 uppercase letters or digits (e.g. VTOPHT)")
        }
        guard case .success = XSDValueReader.date(published) else {
            throw Refusal(description: "the date \"\(published)\" is not a date YYYY-MM-DD")
        }
        self.code = code
        self.level = level
        self.languages = languages
        self.published = published
    }

    /// The placeholder unit's code.
    static let unitCode = "UNIT01"

    /// The placeholder unit's hours: the least the level's norm (rule VETA-R009) accepts, and at least 40.
    var hours: Int { max(40, LevelHoursRule.norm(for: level).lowerBound) }

    /// A bilingual text in the chosen languages.
    func text(_ es: String, _ en: String) -> String {
        switch languages {
        case .es: "<es>\(es)</es>"
        case .en: "<en>\(en)</en>"
        case .both: "<es>\(es)</es><en>\(en)</en>"
        }
    }

    /// An XML comment in the chosen languages, indented by `indent` spaces.
    func comment(_ indent: Int, _ es: String, _ en: String) -> String {
        let pad = String(repeating: " ", count: indent)
        switch languages {
        case .es: return "\(pad)<!-- \(es) -->\n"
        case .en: return "\(pad)<!-- \(en) -->\n"
        case .both: return "\(pad)<!-- \(en)\n\(pad)     \(es) -->\n"
        }
    }
}
