internal import CLibXML2
import Foundation

/// One error or warning reported by libxml2, copied out of its C struct.
struct LibXMLError {
    let code: Int32
    let isWarning: Bool
    let line: Int
    let column: Int?
    let message: String
    let node: xmlNodePtr?
}

/// Collects libxml2's structured errors for one parse or validation, instead of letting
/// libxml2 print them to stderr.
final class LibXMLErrorCollector {
    private(set) var errors: [LibXMLError] = []
    /// Set when the parser met a DOCTYPE and was stopped there.
    var sawDoctype = false
    /// The checks the parser runs on each element as it builds the tree, if any.
    var scan: StructureScan?

    func append(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        errors.append(
            LibXMLError(
                code: error.pointee.code,
                isWarning: error.pointee.level == XML_ERR_WARNING,
                line: Int(error.pointee.line),
                column: error.pointee.int2 > 0 ? Int(error.pointee.int2) : nil,
                message: error.pointee.domain == Int32(XML_FROM_SCHEMASV.rawValue) ? Self.escaped(raw) : Self.sanitized(raw),
                node: error.pointee.node?.assumingMemoryBound(to: xmlNode.self)
            ))
    }

    /// The first line of a libxml2 message, trimmed and bounded (long enough for a list of
    /// expected elements, which Veta reads). libxml2 appends raw input
    /// bytes on later lines for encoding errors; those never reach a diagnostic.
    static func sanitized(_ message: String) -> String {
        let firstLine = message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 1000 ? String(trimmed.prefix(1000)) + "…" : trimmed
    }

    /// A schema-validation message whole: it quotes the value as written, which may span lines
    /// (`'2026-11-\n24'`), so line breaks and tabs inside it are shown escaped instead of cutting
    /// the message at the first one. Trimmed and bounded like ``sanitized(_:)``.
    static func escaped(_ message: String) -> String {
        var text = ""
        for character in message.trimmingCharacters(in: .whitespacesAndNewlines) {
            switch character {
            case "\n", "\r\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default: text.append(character)
            }
        }
        return text.count > 1000 ? String(text.prefix(1000)) + "…" : text
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer) -> LibXMLErrorCollector {
        Unmanaged<LibXMLErrorCollector>.fromOpaque(pointer).takeUnretainedValue()
    }
}
