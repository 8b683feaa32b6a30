import Foundation

/// Puts libxml2's encoding findings in plain words: bytes that are not UTF-8 (a file saved as
/// Windows-1252 by a Windows editor), an encoding Veta does not read, a character XML forbids.
/// Anything else keeps libxml2's text.
enum EncodingErrorExplainer {
    static func explain(message: String) -> Explanation? {
        if message.contains("not proper UTF-8") || message.contains("Invalid bytes in character encoding") {
            let bytes = LibXMLSchemaText.quoted(message, after: "Bytes: ", before: "\n").map { " (bytes \($0))" } ?? ""
            return Explanation(
                "the file is not UTF-8\(bytes), the encoding XML reads unless the first line declares another (a Windows program's default is usually Windows-1252)",
                fix:
                    "save the file as UTF-8 (in Notepad or Excel: Save as, encoding UTF-8), or, if it is Windows-1252, say so in its first line: <?xml version=\"1.0\" encoding=\"windows-1252\"?>."
            )
        }
        if message.contains("Unsupported encoding") || message.contains("unknown encoding") || message.contains("Unknown encoding") {
            let name = LibXMLSchemaText.quoted(message, after: "encoding ", before: "\n") ?? "it declares"
            return Explanation(
                "the file declares the encoding \(name.trimmingCharacters(in: .whitespaces)), which cannot be read",
                fix:
                    "save the file as UTF-8 and declare encoding=\"UTF-8\" in its first line (or windows-1252 / ISO-8859-1 if it is one of those)."
            )
        }
        if message.contains("invalid Char value") || message.contains("out of allowed range") {
            return Explanation(
                "the file holds a control character that XML does not allow in text",
                fix: "remove the character (often pasted from another program); line breaks and tabs are allowed.")
        }
        return nil
    }
}
