/// Base64url without padding (as ``Base64URLBytes``) of bytes given in pieces, where the pieces
/// known ahead of time (a ``CredentialTemplate``'s literals, most of a credential) are encoded once:
/// a piece that starts in the middle of a 3-byte group only adds its first one or two bytes to that
/// group, and the rest of it is whole groups again, so each literal is kept encoded from each of
/// the three places it can start at (``Literal``) and appended as is.
///
/// The output is byte for byte ``Base64URLBytes/append(_:to:)`` of the pieces joined.
struct Base64URLStream {
    private(set) var output: [UInt8]
    /// The bytes of a group not yet complete (0, 1 or 2 of them).
    private var pending: (UInt8, UInt8) = (0, 0)
    private var pendingCount = 0

    /// A stream whose output starts with `prefix` (not encoded), with room for `capacity` bytes.
    init(prefix: [UInt8], capacity: Int) {
        output = prefix
        output.reserveCapacity(capacity)
    }

    /// A piece known ahead of time, with its encodings.
    struct Literal: Sendable {
        let bytes: [UInt8]
        /// `encoded[k]`: the whole groups of `bytes` from offset `k` (0, 1 or 2), encoded.
        let encoded: [[UInt8]]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            encoded = (0..<3).map { start in
                guard bytes.count > start else { return [] }
                let end = start + (bytes.count - start) / 3 * 3
                var encoded: [UInt8] = []
                Base64URLBytes.append(Array(bytes[start..<end]), to: &encoded)
                return encoded
            }
        }
    }

    /// Appends `literal`: the bytes that complete the pending group, its encoded whole groups, and
    /// the one or two bytes after them as the next pending group.
    mutating func append(_ literal: Literal) {
        let start = (3 - pendingCount) % 3
        guard literal.bytes.count >= start else { return append(bytes: literal.bytes[...]) }
        append(bytes: literal.bytes[0..<start])
        let whole = literal.encoded[start]
        output.append(contentsOf: whole)
        append(bytes: literal.bytes[(start + whole.count / 4 * 3)...])
    }

    /// Appends bytes known only now (a hole's value), one at a time.
    mutating func append(bytes: ArraySlice<UInt8>) {
        for byte in bytes {
            switch pendingCount {
            case 0:
                pending.0 = byte
                pendingCount = 1
            case 1:
                pending.1 = byte
                pendingCount = 2
            default:
                let value = UInt32(pending.0) << 16 | UInt32(pending.1) << 8 | UInt32(byte)
                output.append(Self.alphabet[Int(value >> 18)])
                output.append(Self.alphabet[Int(value >> 12 & 0x3F)])
                output.append(Self.alphabet[Int(value >> 6 & 0x3F)])
                output.append(Self.alphabet[Int(value & 0x3F)])
                pendingCount = 0
            }
        }
    }

    /// The output, with the last group (if any) written without padding.
    mutating func finish() -> [UInt8] {
        switch pendingCount {
        case 1:
            let value = UInt32(pending.0) << 16
            output.append(Self.alphabet[Int(value >> 18)])
            output.append(Self.alphabet[Int(value >> 12 & 0x3F)])
        case 2:
            let value = UInt32(pending.0) << 16 | UInt32(pending.1) << 8
            output.append(Self.alphabet[Int(value >> 18)])
            output.append(Self.alphabet[Int(value >> 12 & 0x3F)])
            output.append(Self.alphabet[Int(value >> 6 & 0x3F)])
        default: break
        }
        pendingCount = 0
        return output
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
}
