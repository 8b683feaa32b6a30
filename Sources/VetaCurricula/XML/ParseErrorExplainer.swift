internal import CLibXML2

/// Puts libxml2's common well-formedness findings in plain words: a bare `&`, an entity XML
/// does not define, a namespace prefix that is not declared. Anything else keeps libxml2's text.
enum ParseErrorExplainer {
    static func explain(code: Int32, message: String) -> Explanation? {
        switch code {
        case Int32(XML_ERR_NAME_REQUIRED.rawValue), Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue),
            Int32(XML_ERR_ENTITYREF_NO_NAME.rawValue):
            guard message.contains("EntityRef") || message.contains("Entity") else { return nil }
            return Explanation(
                "an \"&\" that is not part of an entity reference; a literal ampersand must be written &amp;",
                fix: "write &amp; for the \"&\" here (AT&T becomes AT&amp;T).")
        case Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue):
            guard let name = LibXMLSchemaText.quoted(message, after: "Entity '", before: "'") else { return nil }
            return Explanation(
                "&\(name); is not an entity XML knows; only &amp; &lt; &gt; &quot; &apos; and numeric references are allowed",
                fix: "write the character itself (the file is UTF-8), or a numeric reference such as &#160;.")
        case Int32(XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue):
            guard let prefix = LibXMLSchemaText.quoted(message, after: "Namespace prefix ", before: " "),
                let element = LibXMLSchemaText.quoted(message, after: " on ", before: " is not defined")
            else { return nil }
            return Explanation(
                "the prefix \(prefix): of <\(prefix):\(element)> is not declared",
                fix: "remove the prefix (curriculum elements take none), or declare it with xmlns:\(prefix)=\"…\" on the root element.")
        case Int32(XML_ERR_LT_IN_ATTRIBUTE.rawValue):
            return Explanation(
                "an attribute value contains \"<\", which XML does not allow there",
                fix: "write &lt; for the \"<\" inside the attribute value.")
        default:
            return nil
        }
    }
}
