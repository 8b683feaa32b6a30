internal import CLibXML2
import Foundation

/// Where each element's start tag is in the source, found in one pass over the bytes and the
/// parser's walk of the tree, so that locating any element costs the same however many
/// siblings share its line (a minified file has every element on one line).
///
/// The pass lists the `<` of every start tag in document order, skipping comments, CDATA
/// sections and processing instructions (the only places a well-formed document without a DTD
/// may hold a raw `<` that starts no tag: attribute values and text cannot), so it costs one
/// `memchr` per tag. Because the document
/// has no DTD and no entities, its elements in document order are exactly those start tags; each
/// element keeps its tag's number in its `_private` field, which libxml2 leaves to applications.
struct StartTagIndex {
    private let offsets: [Int]

    /// Indexes a document whose `elementCount` elements were numbered 1, 2, 3 ... in document
    /// order through ``number(_:as:)`` (by the secure parser's one walk over the tree). An index
    /// that does not line up with the tree (which a well-formed document cannot produce) is left
    /// empty, and callers fall back to line search.
    init(bytes: [UInt8], elementCount: Int) {
        let offsets = Self.startTags(in: bytes)
        self.offsets = elementCount == offsets.count ? offsets : []
    }

    /// Gives `node` its number (from 0, in document order) in its `_private` field, which
    /// libxml2 leaves to applications.
    static func number(_ node: xmlNodePtr, as index: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
    }

    /// The byte offset of the `<` that starts `node`'s tag, when the index has it.
    func offset(of node: xmlNodePtr) -> Int? {
        guard let mark = node.pointee._private else { return nil }
        let index = Int(bitPattern: mark) - 1
        return offsets.indices.contains(index) ? offsets[index] : nil
    }

    /// The offsets of every start tag's `<`, in order.
    static func startTags(in bytes: [UInt8]) -> [Int] {
        var result: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var index = 0
            func skip(past terminator: StaticString) {
                let needle = terminator.utf8Start
                let length = terminator.utf8CodeUnitCount
                while index < count {
                    guard let found = memchr(base + index, Int32(needle[0]), count - index) else {
                        index = count
                        return
                    }
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if index + length <= count, memcmp(base + index, needle, length) == 0 {
                        index += length
                        return
                    }
                    index += 1
                }
            }
            while index < count, let found = memchr(base + index, 0x3C, count - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let next = index + 1 < count ? base[index + 1] : 0
                if next == UInt8(ascii: "!") {
                    if index + 3 < count, base[index + 2] == UInt8(ascii: "-"), base[index + 3] == UInt8(ascii: "-") {
                        index += 4
                        skip(past: "-->")
                    } else if index + 8 < count, base[index + 2] == UInt8(ascii: "[") {
                        index += 9
                        skip(past: "]]>")
                    } else {
                        index += 2
                        skip(past: ">")
                    }
                } else if next == UInt8(ascii: "?") {
                    index += 2
                    skip(past: "?>")
                } else if next == UInt8(ascii: "/") {
                    // An end tag holds no `<`: the search for the next one passes over it.
                    index += 2
                } else {
                    // A start tag. Its attribute values cannot hold a raw `<` (the document is
                    // well-formed), so the next `<` is after this tag: no need to find its end.
                    result.append(index)
                    index += 1
                }
            }
        }
        return result
    }
}
