#if canImport(Darwin)
    import Darwin
#else
    import Glibc
#endif

/// Salts for the subject's hashed CURP: 16 random bytes each, as 32 lowercase hex digits.
public enum Salts {
    /// `count` salts from one read of the system's random source (not one read per byte).
    public static func make(_ count: Int) -> [String] {
        guard count > 0 else { return [] }
        var random = [UInt8](repeating: 0, count: 16 * count)
        random.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { arc4random_buf(base, buffer.count) }
        }
        let digits = Array("0123456789abcdef".utf8)
        return (0..<count).map { index in
            var hex: [UInt8] = []
            hex.reserveCapacity(32)
            for byte in random[index * 16..<index * 16 + 16] {
                hex.append(digits[Int(byte >> 4)])
                hex.append(digits[Int(byte & 0xF)])
            }
            return String(decoding: hex, as: UTF8.self)
        }
    }
}
