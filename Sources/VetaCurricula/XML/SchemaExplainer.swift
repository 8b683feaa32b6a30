internal import CLibXML2

/// Puts libxml2's common schema findings in plain words, with a fix that names what to write.
///
/// It works on values (libxml2's error code and text, the ``SchemaErrorSite`` and the
/// ``SchemaFacts``), so every message can be tested without a document. A finding it does not
/// recognise gets `nil`, and the caller keeps libxml2's text.
enum SchemaExplainer {
    static func explain(code: Int32, message: String, site: SchemaErrorSite, facts: SchemaFacts) -> Explanation? {
        switch code {
        case Int32(XML_SCHEMAV_CVC_ELT_1.rawValue):
            return undeclaredRoot(site, facts: facts)
        case Int32(XML_SCHEMAV_ELEMENT_CONTENT.rawValue), Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4.rawValue):
            if message.contains("Missing child element(s)") { return missingChild(message, site: site) }
            if message.contains("This element is not expected") { return unexpected(message, site: site, facts: facts) }
            if message.contains("Element content is not allowed") {
                return Explanation(
                    "<\(site.element)> may hold only text, not elements",
                    fix: "remove the elements inside <\(site.element)>, keeping its text.")
            }
            return nil
        case Int32(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1.rawValue), Int32(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_2.rawValue),
            Int32(XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_3.rawValue):
            return invalidValue(message, site: site, facts: facts)
        case Int32(XML_SCHEMAV_CVC_ENUMERATION_VALID.rawValue):
            guard let (value, allowed) = LibXMLSchemaText.enumeration(message) else { return nil }
            let choices = ValueWords.list(allowed, conjunction: "or")
            return Explanation(
                "\(subject(site, value)) is not one of the allowed values: \(choices)",
                fix: "write \(choices)\(place(site)).")
        case Int32(XML_SCHEMAV_CVC_PATTERN_VALID.rawValue):
            guard let (value, pattern) = LibXMLSchemaText.pattern(message) else { return nil }
            return Explanation(
                "\(subject(site, value)) does not have the required form \(pattern)",
                fix: "write a value that the pattern \(pattern) matches (Schemas/curriculum.xsd explains the format).")
        case Int32(XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID.rawValue), Int32(XML_SCHEMAV_CVC_MININCLUSIVE_VALID.rawValue):
            let isMaximum = code == Int32(XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID.rawValue)
            guard let (value, limit) = LibXMLSchemaText.bound(message, kind: isMaximum ? "maximum" : "minimum") else { return nil }
            return Explanation(
                "\(subject(site, value)) is \(isMaximum ? "over the maximum" : "under the minimum") of \(limit)",
                fix: "write a value \(isMaximum ? "no greater" : "no smaller") than \(limit)\(place(site)).")
        case Int32(XML_SCHEMAV_CVC_MINLENGTH_VALID.rawValue), Int32(XML_SCHEMAV_CVC_MAXLENGTH_VALID.rawValue):
            return length(message, site: site, isMaximum: code == Int32(XML_SCHEMAV_CVC_MAXLENGTH_VALID.rawValue))
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_4.rawValue):
            guard let name = LibXMLSchemaText.quotedAttribute(message) else { return nil }
            return Explanation(
                "<\(site.element)> has no \(name) attribute, which is required",
                fix: "add \(name)=\"…\" to <\(site.element)>.")
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1.rawValue), Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2.rawValue):
            guard let name = LibXMLSchemaText.quotedAttribute(message) ?? site.attribute else { return nil }
            return Explanation(
                "<\(site.element)> has an attribute \(name) that the schema does not allow there",
                fix: "remove \(name), or correct its spelling; Schemas/curriculum.xsd lists the attributes of <\(site.element)>.")
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3.rawValue):
            return Explanation(
                "<\(site.element)> holds text, but it may hold only elements",
                fix: "remove the text between the elements of <\(site.element)>, or move it into the element it belongs to.")
        case Int32(XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1.rawValue):
            return Explanation(
                "<\(site.element)> must be empty",
                fix: "remove what is between <\(site.element)> and </\(site.element)>, or write it as <\(site.element) … />.")
        default:
            // cvc-type.3.1.2: markup inside a text that is a plain string (<title><es>Seguridad <b>minera</b></es>).
            if message.contains("Element content is not allowed") {
                return Explanation(
                    "<\(site.element)> may hold only text, not elements (markup such as <b> is not allowed in a text)",
                    fix: "remove the elements inside <\(site.element)>, keeping their text.")
            }
            return nil
        }
    }

    /// The root element is not one the schema declares: usually a missing or misspelt namespace.
    private static func undeclaredRoot(_ site: SchemaErrorSite, facts: SchemaFacts) -> Explanation? {
        guard let target = facts.targetNamespace else { return nil }
        let root = facts.globalElements.contains(site.localName) ? site.localName : (facts.globalElements.first ?? site.localName)
        let fix = "write <\(root) xmlns=\"\(target)\" …> as the root element."
        guard facts.globalElements.contains(site.localName) else {
            return Explanation(
                "<\(site.element)> is not a root element the schema knows; expected <\(root)> in the namespace \(target)", fix: fix)
        }
        guard let namespace = site.namespace else {
            return Explanation("<\(site.element)> has no namespace; it must be in the namespace \(target)", fix: fix)
        }
        return Explanation(
            "<\(site.element)> is in the namespace \(namespace), but it must be in \(target)", fix: "set xmlns=\"\(target)\" on <\(root)>.")
    }

    private static func missingChild(_ message: String, site: SchemaErrorSite) -> Explanation? {
        guard let expected = LibXMLSchemaText.expectedElements(message) else { return nil }
        let names = expected.map { "<\($0)>" }
        if names.count == 1 {
            return Explanation(
                "<\(site.element)> is missing \(names[0]), which is required",
                fix: "add \(names[0]) inside <\(site.element)>, after the elements it already has.")
        }
        let choices = ValueWords.list(names, conjunction: "or")
        return Explanation(
            "<\(site.element)> is missing a required element: \(choices)",
            fix: "add \(choices) inside <\(site.element)>, after the elements it already has.")
    }

    /// An element where the content model does not allow it: out of order, repeated, in the
    /// wrong namespace, or unknown.
    private static func unexpected(_ message: String, site: SchemaErrorSite, facts: SchemaFacts) -> Explanation? {
        let container = site.parent.map { " in <\($0)>" } ?? ""
        guard let expected = LibXMLSchemaText.expectedElements(message) else {
            return Explanation(
                "<\(site.element)> is not expected here\(container): nothing more may follow the element before it",
                fix: "remove <\(site.element)>, or move it to where Schemas/curriculum.xsd allows it.")
        }
        let names = expected.map { "<\($0)>" }
        let choices = ValueWords.list(names, conjunction: "or")
        if expected.contains(site.localName), let target = facts.targetNamespace {
            let actual = site.namespace.map { "in the namespace \($0)" } ?? "in no namespace"
            return Explanation(
                "<\(site.element)> is \(actual), but here it must be in \(target)",
                fix: "remove the prefix or the xmlns attribute that moves <\(site.element)> out of \(target).")
        }
        if let earlier = site.preceding.first(where: { $0.name == site.localName }) {
            return Explanation(
                "<\(site.element)> appears again\(container), where it is allowed only once (first at line \(earlier.line)); expected \(choices)",
                fix: "remove the extra <\(site.element)>, or merge it into the one at line \(earlier.line).")
        }
        let isDeclared = facts.elementNames.contains(site.localName)
        if isDeclared, let later = site.following.first(where: { expected.contains($0.name) }) {
            // libxml2 names what the content model expected at this place; the first of those that
            // the document has later is the element that belongs before this one.
            return Explanation(
                "<\(site.element)> is out of order\(container): expected \(choices) here; <\(later.name)> (line \(later.line)) must come before it",
                fix:
                    "move <\(later.name)> from line \(later.line) to just before <\(site.element)>; Schemas/curriculum.xsd gives the order of the elements."
            )
        }
        if let near = expected.first(where: { isNearMiss(site.localName, $0) }) {
            return Explanation(
                "<\(site.element)> is not expected here\(container); did you mean <\(near)>?"
                    + (expected.count > 1 ? " Expected \(choices)" : ""),
                fix: "rename <\(site.element)> to <\(near)>.")
        }
        if !isDeclared, !facts.elementNames.isEmpty {
            return Explanation(
                "<\(site.element)> is not an element of the schema; expected \(choices) here\(container)",
                fix: "remove <\(site.element)>, or rename it to the element you meant.")
        }
        return Explanation(
            "<\(site.element)> is not expected here\(container); expected \(choices)",
            fix: "remove <\(site.element)>, or put it where Schemas/curriculum.xsd allows it; the next element here must be \(choices).")
    }

    private static func invalidValue(_ message: String, site: SchemaErrorSite, facts: SchemaFacts) -> Explanation? {
        guard let (value, typeName) = LibXMLSchemaText.invalidValue(message) else { return nil }
        let type = typeName.flatMap { facts.simpleTypes[$0] ?? ValueWords.builtIn($0) }
        guard let type, let words = ValueWords.describe(type) else {
            return Explanation(
                "\(subject(site, value)) is not a valid \(typeName.map { "\($0) " } ?? "")value",
                fix: "correct the value; Schemas/curriculum.xsd defines what\(place(site)) accepts.")
        }
        if type.builtIn == "boolean" {
            let attribute = site.attribute ?? ""
            return Explanation(
                "\(subject(site, value)) is not a boolean; the allowed values are true, false, 1 and 0",
                fix: site.attribute == nil
                    ? "write true or false in <\(site.element)>." : "write \(attribute)=\"true\" or \(attribute)=\"false\".")
        }
        return Explanation("\(subject(site, value)) is not \(words.what)", fix: "write \(words.what)\(place(site)), e.g. \(words.example).")
    }

    private static func length(_ message: String, site: SchemaErrorSite, isMaximum: Bool) -> Explanation? {
        guard let (length, limit) = LibXMLSchemaText.length(message) else { return nil }
        let what = site.attribute.map { "\($0) on <\(site.element)>" } ?? "<\(site.element)>"
        if length == 0 {
            return Explanation("\(what) is empty", fix: "write the text\(place(site)); it may not be left empty.")
        }
        let unit = limit == 1 ? "character" : "characters"
        return isMaximum
            ? Explanation(
                "\(what) is \(length) characters long, over the maximum of \(limit)", fix: "shorten it to \(limit) \(unit) or fewer.")
            : Explanation("\(what) is \(length) characters long, under the minimum of \(limit)", fix: "write at least \(limit) \(unit).")
    }

    /// `hours="x" on <unit>` for an attribute, `<published> "x"` for an element's text.
    private static func subject(_ site: SchemaErrorSite, _ value: String) -> String {
        let shown = value.count > 60 ? String(value.prefix(60)) + "…" : value
        if let attribute = site.attribute { return "\(attribute)=\"\(shown)\" on <\(site.element)>" }
        return "<\(site.element)> \"\(shown)\""
    }

    /// ` in <unit hours>` for an attribute, ` in <published>` for an element.
    private static func place(_ site: SchemaErrorSite) -> String {
        if let attribute = site.attribute { return " in <\(site.element) \(attribute)>" }
        return " in <\(site.element)>"
    }

    /// Whether `name` looks like a slip for `expected`: the same but for case, or one letter apart.
    static func isNearMiss(_ name: String, _ expected: String) -> Bool {
        if name.lowercased() == expected.lowercased() { return true }
        let a = Array(name)
        let b = Array(expected)
        guard abs(a.count - b.count) <= 1, min(a.count, b.count) >= 4 else { return false }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 1
    }
}
