extension CSV {
    /// The character encoding a CSV file was saved in.
    public enum Encoding: String, Hashable, Sendable, CaseIterable {
        /// UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8").
        case utf8 = "utf-8"
        /// Windows-1252 (Excel's plain "CSV" on Spanish and other Western-European Windows).
        case windows1252 = "windows-1252"

        /// The encoding named on the command line (`utf-8`, `utf8`, `windows-1252`, `cp1252`), any case.
        public init?(name: String) {
            switch name.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "windows-1252", "cp1252", "windows1252": self = .windows1252
            default: return nil
            }
        }
    }

    /// The file's text as UTF-8 bytes without a byte-order mark, or a refusal naming the first line
    /// that is not in `encoding` and the encoding it more likely is. Nothing is ever replaced by U+FFFD.
    public static func text(from bytes: [UInt8], encoding: Encoding) throws(SyntaxError) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw SyntaxError(
                line: 1, reason: "the file is UTF-16 (Excel 'Unicode Text'): re-save it as 'CSV UTF-8 (comma delimited)'")
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? Array(bytes.dropFirst(3)) : bytes
        let invalid = firstInvalidUTF8(in: body)
        switch encoding {
        case .utf8:
            guard let invalid else { return body }
            throw SyntaxError(
                line: line(of: invalid, in: body),
                reason: "not UTF-8 (byte 0x\(hex(body[invalid]))); looks like Windows-1252 (Excel 'CSV' on Spanish Windows): "
                    + "re-save as 'CSV UTF-8' or pass --encoding windows-1252")
        case .windows1252:
            if hasBOM || (invalid == nil && body.contains { $0 >= 0x80 }) {
                throw SyntaxError(
                    line: hasBOM ? 1 : line(of: body.firstIndex { $0 >= 0x80 } ?? 0, in: body),
                    reason: "the file is UTF-8, not Windows-1252: leave out --encoding windows-1252")
            }
            var out: [UInt8] = []
            out.reserveCapacity(body.count + body.count / 8)
            for (offset, byte) in body.enumerated() {
                guard let scalar = Windows1252.scalar(for: byte) else {
                    throw SyntaxError(
                        line: line(of: offset, in: body),
                        reason: "byte 0x\(hex(byte)) has no character in Windows-1252; the file is in another encoding: "
                            + "re-save it as 'CSV UTF-8'")
                }
                out.append(contentsOf: String(Character(scalar)).utf8)
            }
            return out
        }
    }

    /// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values above U+10FFFF are ill-formed), or nil.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            guard (low...high).contains(bytes[index + 1]) else { return index }
            for next in 2..<length where !(0x80...0xBF).contains(bytes[index + next]) { return index }
            index += length
        }
        return nil
    }

    private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// The Windows-1252 code page: Latin-1 except 0x80–0x9F, where five bytes have no character.
enum Windows1252 {
    /// 0x80–0x9F; 0 where the code page defines no character.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The character a byte stands for, or nil for 0x81, 0x8D, 0x8F, 0x90 and 0x9D.
    static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }
}
