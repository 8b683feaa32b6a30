import Foundation
public import VetaCurricula

extension LocalizedText {
    /// Spanish and English as one line, `es / en`; a draft in one language gives that language
    /// alone, never a dangling ` / `.
    public var both: String { Self.both(es, en) }

    /// `es / en`, or the one that is not empty.
    public static func both(_ es: String, _ en: String) -> String {
        let es = es.trimmingCharacters(in: .whitespaces)
        let en = en.trimmingCharacters(in: .whitespaces)
        if es.isEmpty || en.isEmpty { return es.isEmpty ? en : es }
        return "\(es) / \(en)"
    }
}
