import Foundation

/// Reads the parts Veta rephrases out of libxml2's schema messages, which look like
/// `Element '{urn:veta:curriculum:1}unit', attribute 'hours': 'x' is not a valid value of the atomic type 'Hours'.`
///
/// Every function returns `nil` when the text does not have the expected shape, so that a
/// libxml2 version that words a message differently gets libxml2's text rather than a wrong one.
enum LibXMLSchemaText {
    /// The message without its `Element '…'` and `, attribute '…'` prefix.
    static func body(_ message: String) -> Substring {
        guard message.hasPrefix("Element '"), let end = message.range(of: "': ") else { return Substring(message) }
        return message[end.upperBound...]
    }

    /// The local names after `Expected is ( … )` or `Expected is one of ( … )`, in libxml2's
    /// order, with `{namespace}` prefixes dropped. `nil` when the message lists none.
    static func expectedElements(_ message: String) -> [String]? {
        guard let marker = message.range(of: "Expected is "),
            let open = message[marker.upperBound...].range(of: "( "),
            let close = message[open.upperBound...].range(of: " )")
        else { return nil }
        let names = message[open.upperBound..<close.lowerBound]
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "..." }
            .map(localName)
        return names.isEmpty ? nil : names
    }

    /// `{urn:x}name` gives `name`; `name` stays.
    static func localName(_ name: String) -> String {
        guard name.hasPrefix("{"), let close = name.firstIndex(of: "}") else { return name }
        return String(name[name.index(after: close)...])
    }

    /// For `'yes' is not a valid value of the atomic type 'xs:boolean'.`: the value and the type
    /// name (`nil` for a local, unnamed type).
    static func invalidValue(_ message: String) -> (value: String, type: String?)? {
        let body = body(message)
        guard body.hasPrefix("'"), let marker = body.range(of: "' is not a valid value of the ") else { return nil }
        let value = String(body[body.index(after: body.startIndex)..<marker.lowerBound])
        let rest = body[marker.upperBound...]
        guard let open = rest.firstIndex(of: "'") else { return (value, nil) }
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: "'") else { return (value, nil) }
        return (value, localName(String(rest[afterOpen..<close])))
    }

    /// For `[facet 'enumeration'] The value 'miner' is not an element of the set {'a', 'b'}.`:
    /// the value and the allowed values.
    static func enumeration(_ message: String) -> (value: String, allowed: [String])? {
        guard let value = quoted(message, after: "The value '", before: "' is not an element of the set {"),
            let open = message.range(of: "is not an element of the set {"),
            let close = message[open.upperBound...].range(of: "}", options: .backwards)
        else { return nil }
        let allowed = message[open.upperBound..<close.lowerBound]
            .split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("'") && $0.hasSuffix("'") && $0.count >= 2 ? String($0.dropFirst().dropLast()) : $0 }
        return (value, allowed)
    }

    /// For `The value 'x' is not accepted by the pattern 'p'.`: the value and the pattern.
    static func pattern(_ message: String) -> (value: String, pattern: String)? {
        guard let value = quoted(message, after: "The value '", before: "' is not accepted by the pattern '"),
            let marker = message.range(of: "' is not accepted by the pattern '"),
            let end = message.range(of: "'.", options: .backwards), end.lowerBound >= marker.upperBound
        else { return nil }
        return (value, String(message[marker.upperBound..<end.lowerBound]))
    }

    /// For `The value '20000' is greater than the maximum value allowed ('10000').` and its
    /// `less than the minimum` twin: the value and the bound.
    static func bound(_ message: String, kind: String) -> (value: String, limit: String)? {
        let phrase = kind == "maximum" ? "' is greater than the maximum value allowed ('" : "' is less than the minimum value allowed ('"
        guard let value = quoted(message, after: "The value '", before: phrase),
            let limit = quoted(message, after: phrase, before: "')")
        else { return nil }
        return (value, limit)
    }

    /// For `The value has a length of '0'; this underruns the allowed minimum length of '1'.`
    /// (and `exceeds the allowed maximum length`): the length and the bound.
    static func length(_ message: String) -> (length: Int, limit: Int)? {
        guard let length = quoted(message, after: "has a length of '", before: "'").flatMap({ Int($0) }),
            let marker = message.range(of: "length of '", options: .backwards),
            let limit = quoted(String(message[marker.lowerBound...]), after: "length of '", before: "'").flatMap({ Int($0) })
        else { return nil }
        return (length, limit)
    }

    /// For `The attribute 'hours' is required but missing.`: `hours`.
    static func quotedAttribute(_ message: String) -> String? {
        quoted(message, after: "The attribute '", before: "'")
    }

    /// The text between the first `after` and the next `before`.
    static func quoted(_ message: String, after: String, before: String) -> String? {
        guard let start = message.range(of: after),
            let end = message[start.upperBound...].range(of: before)
        else { return nil }
        return String(message[start.upperBound..<end.lowerBound])
    }
}
