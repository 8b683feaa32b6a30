/// Whether an issuer's record page URL fits the DC-3's printed verification code, measured with
/// the form's own font metrics (libharu's width of the text in embedded DejaVu Sans), not counted
/// in characters: forty `W`s are wider than a hundred `i`s.
///
/// The code is set at 11 pt and shrunk down to the form's smallest size (6 pt) to fit
/// the verification box (`FormWriter.codeWidth`); a URL wider than that at the smallest size does not fit, and the
/// issuer is refused when it is registered (`veta issuer add`), not first when a DC-3 is issued.
public enum VerificationCodeFit {
    /// The record id measured: every serial `VETA-YYYY-NNNNNN` is as wide (the digits are tabular).
    static let sampleSerial = "VETA-2026-000000"

    /// The width in points of `issuerURL`'s record page URL at the smallest type size, and the
    /// width it must fit in.
    ///
    /// - Throws: ``PDFError`` when the fonts cannot be loaded or the URL has a character the form cannot print.
    public static func measure(issuerURL: String) throws -> (width: Float, available: Float) {
        let code = RecordPage.url(issuer: issuerURL, recordID: sampleSerial)
        let width = try PDFDocument().textWidth(code, size: TextWrapping.smallestSize, field: "verification code")
        return (width, FormWriter.codeWidth)
    }

    /// Refuses (``RecordError``) an issuer URL whose record page URL would not fit the DC-3's
    /// verification code, saying by how much.
    public static func require(issuerURL: String) throws {
        let (width, available) = try measure(issuerURL: issuerURL)
        guard width > available else { return }
        let shown = issuerURL.count > 80 ? String(issuerURL.prefix(80)) + "…" : issuerURL
        throw RecordError(
            "\(shown) cannot be an issuer URL: its record page URL (\(RecordPage.url(issuer: issuerURL, recordID: "VETA-YYYY-NNNNNN"))) "
                + "is \(Int(width.rounded(.up))) points wide at the DC-3's smallest type size, more than the \(Int(available)) points "
                + "of its verification code; use a shorter URL (wide letters such as W and M take the most room)")
    }
}
