import CZlib
import Foundation

/// W3C Bitstring Status List v1.0: the bits of a status list, and the `encodedList` that carries them.
///
/// Index 0 is the left-most (most significant) bit of the first byte. A list holds at least
/// 131,072 bits (16 KiB), the specification's minimum, so that one credential's status does not
/// single its holder out; it grows in whole multiples of that. `encodedList` is the multibase
/// base64url (`u`, no padding) of the GZIP-compressed bitstring.
public struct BitstringStatusList: Hashable, Sendable {
    /// The specification's minimum length in bits, and the step the list grows by.
    public static let minimumBits = 131_072

    /// The bitstring.
    public private(set) var bytes: [UInt8]

    /// A list of at least `bits` bits, all clear.
    public init(bits: Int = minimumBits) {
        let rounded = max(1, (bits + Self.minimumBits - 1) / Self.minimumBits) * Self.minimumBits
        bytes = [UInt8](repeating: 0, count: rounded / 8)
    }

    /// A list with exactly these bytes (a decoded `encodedList`).
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The number of bits.
    public var count: Int { bytes.count * 8 }

    /// Whether bit `index` is set (false beyond the end).
    public func isSet(_ index: Int) -> Bool {
        guard index >= 0, index < count else { return false }
        return bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// Sets bit `index`, growing the list when it is beyond the end.
    public mutating func set(_ index: Int) {
        cover(index)
        bytes[index / 8] |= 0x80 >> UInt8(index % 8)
    }

    /// Grows the list (in steps of ``minimumBits``) until it holds bit `index`: a verifier refuses
    /// a credential whose index lies beyond its list.
    public mutating func cover(_ index: Int) {
        precondition(index >= 0, "a status list index is never negative")
        if index >= count { bytes += [UInt8](repeating: 0, count: BitstringStatusList(bits: index + 1).bytes.count - bytes.count) }
    }

    /// `u` + base64url (no padding) of the GZIP-compressed bitstring (deterministic: no file name, time 0).
    public var encodedList: String { "u" + Base64URLText.encode(Gzip.compress(bytes)) }

    /// The list an `encodedList` carries, or ``RecordError`` naming what is wrong with it.
    public static func decode(_ encoded: String) throws -> BitstringStatusList {
        guard encoded.hasPrefix("u"), let compressed = Base64URLText.decode(String(encoded.dropFirst())) else {
            throw RecordError("the status list's encodedList is not multibase base64url (u…)")
        }
        guard let bytes = Gzip.decompress(compressed) else { throw RecordError("the status list's encodedList is not GZIP data") }
        return BitstringStatusList(bytes: bytes)
    }
}

/// base64url without padding.
enum Base64URLText {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return VCJWT.base64URLDecode(text).map(Array.init)
    }
}

/// GZIP (RFC 1952) through zlib.
enum Gzip {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper with zlib's default header (no name, mtime 0).
        guard
            deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { fatalError("zlib could not start a deflate stream") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "deflateBound leaves room for the whole stream")
        return Array(output.prefix(Int(stream.total_out)))
    }

    /// The decompressed bytes, or nil for data that is not one whole gzip stream or would exceed 64 MiB.
    static func decompress(_ input: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = input
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeMutableBufferPointer { inBuffer -> [UInt8]? in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                result += chunk.prefix(chunk.count - Int(stream.avail_out))
                if result.count > 64 << 20 { return nil }
                if status == Z_STREAM_END { return stream.avail_in == 0 ? result : nil }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
