/// The PNG badge face: a navy disc with a gold ring, the code large, the title and the level,
/// drawn pixel by pixel with ``BitmapFont``.
enum BadgePNG {
    static let size = 320
    /// Palette: 0 background (white), 1 navy, 2 gold, 3 white text.
    static let palette: [(UInt8, UInt8, UInt8)] = [(0xFF, 0xFF, 0xFF), (0x1F, 0x3A, 0x5F), (0xE0, 0xA5, 0x26), (0xFF, 0xFF, 0xFF)]

    /// The pixels (palette indices, row by row) of the face.
    static func pixels(_ face: BadgeFace) -> [UInt8] {
        var canvas = [UInt8](repeating: 0, count: size * size)
        let centre = size / 2
        for y in 0..<size {
            for x in 0..<size {
                let dx = x - centre
                let dy = y - centre
                let d2 = dx * dx + dy * dy
                if d2 <= 150 * 150 { canvas[y * size + x] = d2 >= 140 * 140 ? 2 : 1 }
            }
        }
        func text(_ line: String, y: Int, scale: Int, colour: UInt8) {
            let characters = Array(BitmapFont.printable(line))
            let advance = (BitmapFont.width + 1) * scale
            var x = centre - (characters.count * advance - scale) / 2
            for character in characters {
                let glyph = BitmapFont.glyph(character)
                for (row, bits) in glyph.enumerated() {
                    for column in 0..<BitmapFont.width where bits & (0x10 >> UInt8(column)) != 0 {
                        for sy in 0..<scale {
                            for sx in 0..<scale {
                                let px = x + column * scale + sx
                                let py = y + row * scale + sy
                                if px >= 0, px < size, py >= 0, py < size { canvas[py * size + px] = colour }
                            }
                        }
                    }
                }
                x += advance
            }
        }
        text(face.code, y: 70, scale: 4, colour: 3)
        let title = BadgeText.lines(BitmapFont.printable(face.titleES), width: 20, maxLines: 3)
        for (index, line) in title.enumerated() { text(line, y: 124 + index * 20, scale: 2, colour: 3) }
        text("NIVEL " + face.levelES, y: 196, scale: 2, colour: 2)
        text(face.curriculum, y: 226, scale: 2, colour: 3)
        return canvas
    }
}
