internal import CQREncode

/// The module matrix of a QR code (error correction level M), copied out of libqrencode.
///
/// The matrix is square: ``size`` is `17 + 4 × version` modules a side.
struct QRCode: Hashable, Sendable {
    /// The QR code version, from 1 to 40.
    let version: Int
    /// The number of modules on a side.
    let size: Int
    /// The modules row by row, from the top left; `true` is a dark module.
    let modules: [Bool]

    /// Encodes `text` in 8-bit mode at error correction level M.
    ///
    /// - Throws: ``PDFError`` when libqrencode cannot encode the text (for example, it is too long).
    init(encoding text: String) throws {
        guard let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw PDFError.qrCode(characters: text.count)
        }
        defer { QRcode_free(symbol) }
        let size = Int(symbol.pointee.width)
        guard size > 0, let data = symbol.pointee.data else {
            throw PDFError.qrCode(characters: text.count)
        }
        // Bit 0 of each byte is the module colour; the other bits describe its role.
        self.version = Int(symbol.pointee.version)
        self.size = size
        self.modules = UnsafeBufferPointer(start: data, count: size * size).map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` (from the top left) is dark.
    subscript(row: Int, column: Int) -> Bool {
        modules[row * size + column]
    }
}
