/// A failure while rendering a DC-3 constancia as a PDF.
///
/// Each error has a stable ``code`` that tests and callers can match on, a message that names
/// the offending value, and, where one exists, a hint on how to fix it.
public struct PDFError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable identifier, such as `"VETA-DC3-001"`.
    public var code: String
    /// What went wrong, naming the offending value.
    public var message: String
    /// How to fix it, if the caller can.
    public var fix: String?

    /// Creates an error.
    public init(code: String, message: String, fix: String? = nil) {
        self.code = code
        self.message = message
        self.fix = fix
    }

    /// Whether the record's data caused it (a field too long for its box, a character the form
    /// cannot print), so the request is refused; the other codes are about this machine (fonts,
    /// libharu, libqrencode).
    public var isAboutTheData: Bool { code == "VETA-DC3-003" || code == "VETA-DC3-004" }

    /// The code, the message and the fix on one line.
    public var description: String {
        "error[\(code)]: \(message)" + (fix.map { " Fix: \($0)" } ?? "")
    }
}

extension PDFError {
    /// A font file the renderer embeds is not on this machine.
    static func fontMissing(_ path: String) -> PDFError {
        PDFError(
            code: "VETA-DC3-001",
            message: "the font file \(path) does not exist.",
            fix: "install the DejaVu fonts (Debian: apt-get install fonts-dejavu-core).")
    }

    /// libharu reported an error; `status` and `detail` are its error and detail numbers.
    static func libharu(_ operation: String, status: UInt, detail: UInt) -> PDFError {
        let hex = String(status, radix: 16, uppercase: true)
        return PDFError(
            code: "VETA-DC3-002",
            message: "libharu failed in \(operation) with error 0x\(hex) (detail \(detail)).",
            fix: "see the HPDF error codes in hpdf_error.h.")
    }

    /// A field holds a character that the form's font encoding (Windows-1252) cannot show.
    static func unprintable(_ character: Character, field: String) -> PDFError {
        let scalars = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        return PDFError(
            code: "VETA-DC3-003",
            message: "the \(field) contains \"\(character)\" (\(scalars.joined(separator: " "))), which the form cannot print.",
            fix: "use Spanish letters, digits and common punctuation only.")
    }

    /// A field is too long to fit in its box, even in the smallest type size.
    static func tooLong(_ field: String, characters: Int) -> PDFError {
        PDFError(
            code: "VETA-DC3-004",
            message: "the \(field) (\(characters) characters) does not fit on the form.",
            fix: "shorten the \(field).")
    }

    /// libqrencode could not encode the verification payload.
    static func qrCode(characters: Int) -> PDFError {
        PDFError(
            code: "VETA-DC3-005",
            message: "the verification payload (\(characters) characters) cannot be encoded as a QR code.",
            fix: "use a shorter payload (at most about 2,300 bytes at error correction level M).")
    }
}
