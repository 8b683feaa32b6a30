import VetaCurricula

/// The SVG badge face: the same design as the PNG, as text the browser sets in its own sans-serif
/// font (no font files, images or links), in Spanish and English.
enum BadgeSVG {
    /// The SVG document with `credential` in the OB 3.0 `<openbadges:credential verify="…">` element.
    static func document(_ face: BadgeFace, credential: String) -> String {
        let title = BadgeText.lines(face.titleES, width: 26, maxLines: 3)
        let titleEN = BadgeText.lines(face.titleEN, width: 30, maxLines: 2)
        var lines: [String] = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" "#
                + #"width="320" height="320" viewBox="0 0 320 320" role="img" aria-labelledby="badge-title">"#,
            #"<openbadges:credential verify="\#(escape(credential))"/>"#,
            #"<title id="badge-title">\#(escape(face.code)) — \#(escape(LocalizedText.both(face.titleES, face.titleEN)))</title>"#,
            ##"<circle cx="160" cy="160" r="150" fill="#1F3A5F"/>"##,
            ##"<circle cx="160" cy="160" r="145" fill="none" stroke="#E0A526" stroke-width="10"/>"##,
            ##"<g font-family="sans-serif" text-anchor="middle" fill="#FFFFFF">"##,
            #"<text x="160" y="98" font-size="32" font-weight="bold">\#(escape(face.code))</text>"#,
        ]
        for (index, line) in title.enumerated() {
            lines.append(#"<text x="160" y="\#(130 + index * 19)" font-size="16">\#(escape(line))</text>"#)
        }
        for (index, line) in titleEN.enumerated() {
            lines.append(#"<text x="160" y="\#(192 + index * 15)" font-size="12" font-style="italic">\#(escape(line))</text>"#)
        }
        lines += [
            ##"<text x="160" y="240" font-size="14" fill="#E0A526">Nivel \##(escape(face.levelES)) · Level \##(escape(face.levelEN))</text>"##,
            #"<text x="160" y="262" font-size="12">\#(escape(face.curriculum))</text>"#,
            "</g>",
            "</svg>",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `text` with the five XML special characters escaped, for text and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
