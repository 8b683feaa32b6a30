public import Foundation
public import VetaCurricula

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Bakes an Open Badges 3.0 credential into a badge image, and reads it back out (OB 3.0 §5.3).
///
/// - SVG: the compact JWT is the `verify` attribute of an `<openbadges:credential>` element in the
///   namespace `https://purl.imsglobal.org/ob/v3p0`, the first child of the root `<svg>`.
/// - PNG: the compact JWT is the text of an uncompressed `iTXt` chunk with the keyword
///   `openbadgecredential` (no language tag, no translated keyword), after the image data.
///
/// Both images are generated from the curriculum (``BadgeFace``) with no fonts, images or links
/// from outside, and are byte for byte the same for the same credential and face.
public enum BadgeBaker {
    /// The OB 3.0 SVG namespace.
    public static let svgNamespace = "https://purl.imsglobal.org/ob/v3p0"
    /// The OB 3.0 PNG `iTXt` keyword.
    public static let pngKeyword = "openbadgecredential"

    /// An SVG badge for `face` carrying `credentialJWT`.
    ///
    /// - Throws: ``BadgeError`` when `credentialJWT` is not a compact JWT.
    public static func svg(credentialJWT: String, face: BadgeFace) throws -> Data {
        Data(BadgeSVG.document(face, credential: try checked(credentialJWT)).utf8)
    }

    /// An SVG badge for a credential of `curriculum` (or of its `unit`).
    public static func svg(credentialJWT: String, curriculum: Curriculum, unit: VetaCurricula.Unit? = nil) throws -> Data {
        try svg(credentialJWT: credentialJWT, face: BadgeFace(curriculum: curriculum, unit: unit))
    }

    /// A PNG badge for `face` carrying `credentialJWT`.
    ///
    /// - Throws: ``BadgeError`` when `credentialJWT` is not a compact JWT.
    public static func png(credentialJWT: String, face: BadgeFace) throws -> Data {
        let token = try checked(credentialJWT)
        let text = Array(pngKeyword.utf8) + [0, 0, 0, 0, 0] + Array(token.utf8)
        let bytes = PNGChunks.palettePNG(
            width: BadgePNG.size, height: BadgePNG.size, pixels: BadgePNG.pixels(face), palette: BadgePNG.palette,
            extra: [PNGChunks.chunk("iTXt", text)])
        return Data(bytes)
    }

    /// A PNG badge for a credential of `curriculum` (or of its `unit`).
    public static func png(credentialJWT: String, curriculum: Curriculum, unit: VetaCurricula.Unit? = nil) throws -> Data {
        try png(credentialJWT: credentialJWT, face: BadgeFace(curriculum: curriculum, unit: unit))
    }

    /// The credential baked into a PNG badge.
    ///
    /// - Throws: ``BadgeError`` for a file that is not a PNG, a damaged chunk (CRC), or no
    ///   uncompressed `openbadgecredential` `iTXt` chunk, or more than one (ambiguous).
    public static func credential(fromPNG data: Data) throws -> String {
        let keyword = Array(pngKeyword.utf8)
        var tokens: [String] = []
        for chunk in try PNGChunks.chunks(of: Array(data)) where chunk.type == "iTXt" {
            let fields = Array(chunk.data)
            guard fields.count > keyword.count + 2, fields.starts(with: keyword), fields[keyword.count] == 0 else { continue }
            var index = keyword.count + 1
            let compressed = fields[index]
            index += 2
            // Language tag and translated keyword, each ended by a NUL.
            for _ in 0..<2 {
                guard let end = fields[index...].firstIndex(of: 0) else { throw BadgeError.damaged("the iTXt chunk has no text") }
                index = end + 1
            }
            guard compressed == 0 else {
                throw BadgeError.notABadge("its openbadgecredential iTXt chunk is compressed, which Veta does not read")
            }
            guard let token = String(validating: fields[index...], as: UTF8.self) else {
                throw BadgeError.damaged("the openbadgecredential text is not UTF-8")
            }
            tokens.append(token)
        }
        guard tokens.count <= 1 else { throw BadgeError.ambiguous("the PNG has \(tokens.count) openbadgecredential iTXt chunks") }
        guard let token = tokens.first else { throw BadgeError.notABadge("the PNG has no openbadgecredential iTXt chunk") }
        return token
    }

    /// The credential baked into an SVG badge: the `verify` attribute of its one `<credential>`
    /// element in the OB 3.0 namespace, or its text when it has none.
    ///
    /// - Throws: ``BadgeError`` for XML that does not parse (entities are never expanded), no such
    ///   element, or more than one (ambiguous).
    public static func credential(fromSVG data: Data) throws -> String {
        let reader = SVGCredentialReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse() else {
            // Where, in plain words; not the parser's error domain and number.
            throw BadgeError.damaged(
                "the SVG does not parse as XML (line \(parser.lineNumber), column \(parser.columnNumber); "
                    + "entity declarations and expansions are not accepted)")
        }
        guard reader.found.count <= 1 else {
            throw BadgeError.ambiguous("the SVG has \(reader.found.count) <openbadges:credential> elements")
        }
        guard let found = reader.found.first else { throw BadgeError.notABadge("the SVG has no <openbadges:credential> element") }
        return found
    }

    /// The credential in a baked PNG or SVG, or nil when `data` is neither (a bare JWT, a PDF), so
    /// callers can pass any file through.
    ///
    /// - Throws: ``BadgeError`` for a PNG or SVG that carries no credential or is damaged.
    public static func credential(fromBadge data: Data) throws -> String? {
        if data.starts(with: PNGChunks.signature) { return try credential(fromPNG: data) }
        let head = String(decoding: data.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("<?xml") || head.hasPrefix("<svg") || head.hasPrefix("<!--") { return try credential(fromSVG: data) }
        return nil
    }

    private static func checked(_ token: String) throws -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        let base64url = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard parts.count == 3, parts[0].count > 0, parts[1].count > 0, parts.allSatisfy({ $0.allSatisfy(base64url.contains) }) else {
            throw BadgeError.notJWT()
        }
        return token
    }
}

/// Finds every OB 3.0 credential element while XMLParser reads an SVG (more than one is ambiguous).
private final class SVGCredentialReader: NSObject, XMLParserDelegate {
    var found: [String] = []
    private var inside = false
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard !inside, namespaceURI == BadgeBaker.svgNamespace, elementName == "credential" else { return }
        if let verify = attributes["verify"] {
            found.append(verify)
        } else {
            inside = true
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inside { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if inside { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard inside else { return }
        inside = false
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { found.append(trimmed) }
    }
}
