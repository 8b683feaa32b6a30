internal import CLibHaru
import Foundation

/// Owns one libharu document with a single Letter page and frees it in `deinit`.
///
/// Text is set in embedded DejaVu Sans with WinAnsiEncoding (Windows-1252), which holds every
/// Spanish letter, so `pdftotext` and copy-paste get the accents back exactly. Not `Sendable`:
/// it lives only inside one render call, and no libharu pointer leaves it.
final class PDFDocument {
    /// The two weights of the form's typeface.
    enum Weight: CaseIterable {
        case regular, bold

        var fontPath: String {
            switch self {
            case .regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
            case .bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
            }
        }
    }

    /// The page size in points: US Letter, portrait.
    let width: Float = 612
    let height: Float = 792

    private let handle: HPDF_Doc
    private let errors: ErrorBox
    private let page: HPDF_Page
    private var fonts: [Weight: HPDF_Font] = [:]

    /// Creates the document, adds the page and embeds the fonts.
    init() throws {
        // Called by libharu on every error; records the first one instead of aborting.
        let handler: HPDF_Error_Handler = { status, detail, userData in
            guard let userData else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(userData).takeUnretainedValue()
            if box.status == 0 {
                box.status = UInt(status)
                box.detail = UInt(detail)
            }
        }
        let errors = ErrorBox()
        guard let handle = HPDF_New(handler, Unmanaged.passUnretained(errors).toOpaque()) else {
            throw PDFError.libharu("HPDF_New", status: errors.status, detail: errors.detail)
        }
        guard let page = HPDF_AddPage(handle) else {
            let error = PDFError.libharu("HPDF_AddPage", status: errors.status, detail: errors.detail)
            HPDF_Free(handle)
            throw error
        }
        // From here on `deinit` frees the document, even when a later step throws.
        self.handle = handle
        self.errors = errors
        self.page = page
        HPDF_SetCompressionMode(handle, UInt32(HPDF_COMP_ALL))
        HPDF_SetInfoAttr(handle, HPDF_INFO_TITLE, "Formato DC-3")
        HPDF_SetInfoAttr(handle, HPDF_INFO_CREATOR, "Veta")
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT)
        try check("HPDF_Page_SetSize")
        for weight in Weight.allCases {
            guard FileManager.default.fileExists(atPath: weight.fontPath) else { throw PDFError.fontMissing(weight.fontPath) }
            let name = HPDF_LoadTTFontFromFile(handle, weight.fontPath, HPDF_TRUE)
            try check("HPDF_LoadTTFontFromFile(\(weight.fontPath))")
            fonts[weight] = HPDF_GetFont(handle, name, "WinAnsiEncoding")
            try check("HPDF_GetFont(\(weight.fontPath))")
        }
    }

    deinit {
        HPDF_Free(handle)
    }

    /// The width in points of `text` set at `size`.
    func textWidth(_ text: String, size: Float, weight: Weight = .regular, field: String = "form text") throws -> Float {
        let bytes = try Self.winAnsi(text, field: field)
        let measure = HPDF_Font_TextWidth(fonts[weight], bytes.map { UInt8(bitPattern: $0) }, UInt32(bytes.count - 1))
        try check("HPDF_Font_TextWidth")
        return Float(measure.width) * size / 1000
    }

    /// Draws `text` with its baseline starting at `x`, `y` (points from the bottom left).
    func drawText(_ text: String, x: Float, y: Float, size: Float, weight: Weight = .regular, gray: Float = 0, field: String = "form text")
        throws
    {
        let bytes = try Self.winAnsi(text, field: field)
        HPDF_Page_BeginText(page)
        HPDF_Page_SetFontAndSize(page, fonts[weight], size)
        HPDF_Page_SetGrayFill(page, gray)
        HPDF_Page_TextOut(page, x, y, bytes)
        HPDF_Page_EndText(page)
        try check("HPDF_Page_TextOut")
    }

    /// Outlines a rectangle whose bottom-left corner is `x`, `y`.
    func strokeRectangle(x: Float, y: Float, width: Float, height: Float, lineWidth: Float = 0.75) throws {
        HPDF_Page_SetLineWidth(page, lineWidth)
        HPDF_Page_Rectangle(page, x, y, width, height)
        HPDF_Page_Stroke(page)
        try check("HPDF_Page_Stroke")
    }

    /// Draws a straight line.
    func strokeLine(fromX: Float, fromY: Float, toX: Float, toY: Float, lineWidth: Float = 0.75) throws {
        HPDF_Page_SetLineWidth(page, lineWidth)
        HPDF_Page_MoveTo(page, fromX, fromY)
        HPDF_Page_LineTo(page, toX, toY)
        HPDF_Page_Stroke(page)
        try check("HPDF_Page_Stroke")
    }

    /// Fills rectangles, each given as `(x, y, width, height)`, in one path.
    func fillRectangles(_ rectangles: [(x: Float, y: Float, width: Float, height: Float)], gray: Float) throws {
        HPDF_Page_SetGrayFill(page, gray)
        for rectangle in rectangles {
            HPDF_Page_Rectangle(page, rectangle.x, rectangle.y, rectangle.width, rectangle.height)
        }
        HPDF_Page_Fill(page)
        try check("HPDF_Page_Fill")
    }

    /// Writes the document to libharu's memory stream and copies the bytes out.
    func bytes() throws -> [UInt8] {
        HPDF_SaveToStream(handle)
        try check("HPDF_SaveToStream")
        let size = HPDF_GetStreamSize(handle)
        var buffer = [UInt8](repeating: 0, count: Int(size))
        var length = size
        let status = buffer.withUnsafeMutableBufferPointer { HPDF_ReadFromStream(handle, $0.baseAddress, &length) }
        // Reading the whole stream may end in HPDF_STREAM_EOF, which is not a failure.
        if status == HPDF_STREAM_EOF, errors.status == HPDF_STREAM_EOF {
            HPDF_ResetError(handle)
            errors.status = 0
        }
        try check("HPDF_ReadFromStream")
        guard length == size else { throw PDFError.libharu("HPDF_ReadFromStream", status: UInt(HPDF_STREAM_EOF), detail: UInt(length)) }
        return buffer
    }

    /// Throws the error libharu recorded, if any, and clears it.
    private func check(_ operation: String) throws {
        guard errors.status != 0 else { return }
        throw failure(operation)
    }

    private func failure(_ operation: String) -> PDFError {
        let error = PDFError.libharu(operation, status: errors.status, detail: errors.detail)
        HPDF_ResetError(handle)
        errors.status = 0
        errors.detail = 0
        return error
    }

    /// Converts text to NUL-terminated Windows-1252 bytes, turning tabs and line breaks into spaces.
    private static func winAnsi(_ text: String, field: String) throws -> [CChar] {
        var bytes: [CChar] = []
        for character in text.precomposedStringWithCanonicalMapping {
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
                throw PDFError.unprintable(character, field: field)
            }
            let value = scalar.value
            if value == 0x09 || value == 0x0A || value == 0x0D {
                bytes.append(0x20)
            } else if (0x20..<0x7F).contains(value) || (0xA0...0xFF).contains(value) {
                bytes.append(CChar(bitPattern: UInt8(value)))
            } else if let code = windows1252[scalar] {
                bytes.append(CChar(bitPattern: code))
            } else {
                throw PDFError.unprintable(character, field: field)
            }
        }
        return bytes + [0]
    }

    /// The characters Windows-1252 puts in 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unused).
    private static let windows1252: [Unicode.Scalar: UInt8] = {
        let characters = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".unicodeScalars
        let codes = (UInt8(0x80)...0x9F).filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        return Dictionary(uniqueKeysWithValues: zip(characters, codes))
    }()
}

/// Where the libharu error handler records the first error it sees.
private final class ErrorBox {
    var status: UInt = 0
    var detail: UInt = 0
}
