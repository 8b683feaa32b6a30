import Foundation

/// The rules every text Veta stores passes first, so that what a clerk sees is what the store holds
/// and what the ledger hashes: Unicode NFC; spaces of every kind (U+00A0, U+2007, U+202F, U+3000…,
/// and the invisible U+200B and U+FEFF) trimmed from both ends, and inside the text written as a
/// plain space; control characters (C0, DEL, C1) and bidirectional controls (U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069) refused with the field named. Notes may hold tabs and
/// line breaks (a CR LF pair becomes LF), which the ledger and the CSV export carry unchanged.
public enum CleanText {
    /// What a field may hold.
    public enum Kind: Sendable {
        /// One line: ids, codes, names, sites. No control character at all.
        case line
        /// Free text: like `line`, but tabs and line breaks are kept.
        case note
    }

    /// The text cleaned for storing, or a refusal naming `field`, the character and where it is.
    public static func clean(_ text: String, field: String, kind: Kind = .line) throws(Refusal) -> String {
        let utf8 = text.utf8
        if utf8.isEmpty { return text }  // nothing to clean (an empty cell)
        if let first = utf8.first, let last = utf8.last, first != 0x20, last != 0x20, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return text  // printable ASCII, no space at either end: already clean
        }
        var composed = text.precomposedStringWithCanonicalMapping
        if kind == .note { composed = composed.replacingOccurrences(of: "\r\n", with: "\n") }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(composed.unicodeScalars.count)
        for (position, scalar) in composed.unicodeScalars.enumerated() {
            if kind == .note && (scalar == "\t" || scalar == "\n") {
                scalars.append(scalar)
            } else if let problem = problem(with: scalar) {
                throw Refusal(
                    "\(field): \(name(of: scalar)) at character \(position + 1) is not allowed (\(problem))",
                    reasons: ["retype the \(field) without it; in a spreadsheet, retype the cell rather than paste it"])
            } else {
                scalars.append(isSpace(scalar) ? " " : scalar)
            }
        }
        let isBlank = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\t" || scalar == "\n" }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
        return result
    }

    /// An id or code: cleaned as a line, and refused when nothing is left.
    public static func identifier(_ text: String, field: String) throws(Refusal) -> String {
        let cleaned = try clean(text, field: field)
        guard !cleaned.isEmpty else { throw Refusal("\(field) is empty", reasons: ["give the \(field)"]) }
        return cleaned
    }

    /// Why the character may not be stored, or nil.
    static func problem(with scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: "a control character"
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            "a bidirectional control, which makes text display differently from what is stored"
        default: nil
        }
    }

    /// Spaces of every kind, and the invisible zero-width space and byte-order mark.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B || scalar.value == 0xFEFF
    }

    private static func name(of scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        let label: String? =
            switch scalar.value {
            case 0x00: "NUL"
            case 0x202E: "RIGHT-TO-LEFT OVERRIDE"
            case 0x202D: "LEFT-TO-RIGHT OVERRIDE"
            default: scalar.properties.name
            }
        return label.map { "\(code) (\($0))" } ?? code
    }
}
