internal import CLibXML2
import Foundation

/// Hands bytes already in memory to libxml2 through its read callback, a chunk per call, so
/// that libxml2 never holds a copy of the whole file (`xmlCtxtReadMemory` makes one).
final class ChunkReader {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private var offset = 0

    /// A reader of `count` bytes at `base`, which must stay valid while libxml2 reads.
    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// libxml2's `xmlInputReadCallback`: copies up to `length` bytes, returns how many (0 at the end).
    static let read: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let reader = Unmanaged<ChunkReader>.fromOpaque(context).takeUnretainedValue()
        let size = min(Int(length), reader.count - reader.offset)
        guard size > 0 else { return 0 }
        memcpy(buffer, reader.base + reader.offset, size)
        reader.offset += size
        return Int32(size)
    }
}
