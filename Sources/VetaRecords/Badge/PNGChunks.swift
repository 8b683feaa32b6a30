/// A minimal PNG writer and chunk reader: enough to write an 8-bit palette image with stored
/// (uncompressed) deflate blocks and to find an `iTXt` chunk, with no image library.
///
/// The output is a function of the pixels and chunks alone (no time, no compression settings),
/// so the same badge is the same bytes on every machine.
enum PNGChunks {
    /// The eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// CRC-32 (ISO 3309, as PNG uses it) of `bytes`, continuing from `crc`.
    static func crc32(_ bytes: some Sequence<UInt8>, crc: UInt32 = 0) -> UInt32 {
        var c = ~crc
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return ~c
    }

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Adler-32 of `bytes`, the zlib stream's checksum.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for chunk in stride(from: 0, to: bytes.count, by: 5552) {
            for byte in bytes[chunk..<min(chunk + 5552, bytes.count)] {
                a += UInt32(byte)
                b += a
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    /// A zlib stream holding `bytes` in stored (uncompressed) deflate blocks.
    static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            out.append(final)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        out += bigEndian(adler32(bytes))
        return out
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// One chunk: length, type, data, CRC of type and data.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian(UInt32(data.count)) + typeBytes + data + bigEndian(crc32(data, crc: crc32(typeBytes)))
    }

    /// A PNG of `width` × `height` palette indices (row by row) with `palette` (RGB triples) and
    /// extra chunks placed after the image data, before `IEND`.
    static func palettePNG(width: Int, height: Int, pixels: [UInt8], palette: [(UInt8, UInt8, UInt8)], extra: [[UInt8]]) -> [UInt8] {
        var header = bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // 8 bits, palette colour, deflate, adaptive filtering, no interlace
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)  // filter type None
            raw += pixels[row * width..<(row + 1) * width]
        }
        var png = signature
        png += chunk("IHDR", header)
        png += chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] })
        png += chunk("IDAT", zlibStored(raw))
        for extra in extra { png += extra }
        png += chunk("IEND", [])
        return png
    }

    /// The chunks of a PNG file, in order, each with its CRC checked.
    ///
    /// - Throws: ``BadgeError`` when the signature is missing, a chunk runs past the end, or a CRC does not match.
    static func chunks(of bytes: [UInt8]) throws -> [(type: String, data: ArraySlice<UInt8>)] {
        guard bytes.starts(with: signature) else { throw BadgeError.notABadge("no PNG signature") }
        var result: [(type: String, data: ArraySlice<UInt8>)] = []
        var offset = signature.count
        while offset < bytes.count {
            guard bytes.count - offset >= 12 else { throw BadgeError.damaged("a PNG chunk is cut short at byte \(offset)") }
            let length = Int(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard length <= bytes.count - offset - 12 else {
                throw BadgeError.damaged("a PNG chunk at byte \(offset) claims \(length) bytes, more than the file holds")
            }
            let typeBytes = bytes[offset + 4..<offset + 8]
            let data = bytes[offset + 8..<offset + 8 + length]
            let stored = bytes[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard crc32(data, crc: crc32(typeBytes)) == stored else {
                throw BadgeError.damaged("the CRC of the PNG chunk \(type) at byte \(offset) does not match")
            }
            result.append((type, data))
            offset += 12 + length
            if type == "IEND" { break }
        }
        return result
    }
}
