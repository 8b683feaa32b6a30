/// Why the text of a typed attribute or element could not become a model value.
enum XSDValueError: Error, Hashable, Sendable {
    /// After whitespace processing the text is not in the type's lexical space (only reachable
    /// with a `--schema` looser than the bundled one).
    case notInLexicalSpace
    /// The text is a value of the primitive type but outside the range the type allows, e.g.
    /// `"at least 1"` (only reachable with a looser `--schema`).
    case outsideType(String)
    /// The value is legal but larger than Veta's model can hold (a 64-bit integer).
    case tooLarge
}
