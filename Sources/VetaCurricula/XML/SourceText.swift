import Foundation

/// The raw bytes of a file, indexed by line, to find the column of a tag or attribute that
/// libxml2 only locates by line.
struct SourceText {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            // memchr is vectorised in libc: this runs over every byte of every file.
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(index + 1)
                offset = index + 1
            }
        }
        lineStarts = starts
    }

    /// The position of the `occurrence`-th (0-based) start tag `<name` on `line`, looking a few
    /// lines back when libxml2 recorded the line where the tag ends.
    func startOfTag(_ name: String, line: Int, occurrence: Int = 0) -> (line: Int, column: Int)? {
        var name = name
        return name.withUTF8 { needle in
            var candidateLine = line
            while candidateLine >= 1 && candidateLine >= line - 8 {
                if let column = column(ofTag: needle, onLine: candidateLine, occurrence: occurrence) {
                    return (candidateLine, column)
                }
                candidateLine -= 1
            }
            return nil
        }
    }

    /// The line and column of attribute `name` in the start tag that begins at `line`:`column`.
    func positionOfAttribute(_ name: String, tagLine line: Int, tagColumn column: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return offsetOfAttribute(name, tagOffset: lineStarts[line - 1] + column - 1).map { position(of: $0, fromLine: line) }
    }

    /// The byte offset of attribute `name` in the start tag whose `<` is at `tagOffset`: the
    /// first occurrence of the name outside quotes, after white space and before `=` or white
    /// space, ahead of the tag's `>`.
    func offsetOfAttribute(_ name: String, tagOffset: Int) -> Int? {
        var name = name
        return name.withUTF8 { needle in
            bytes.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return nil }
                var index = tagOffset
                var inQuote: UInt8 = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if inQuote != 0 {
                        if byte == inQuote { inQuote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        inQuote = byte
                    } else if byte == UInt8(ascii: ">") {
                        return nil
                    } else if index > 0, isSpace(bytes[index - 1]), index + needle.count < bytes.count,
                        needle.indices.allSatisfy({ base[index + $0] == needle[$0] }),
                        bytes[index + needle.count] == UInt8(ascii: "=") || isSpace(bytes[index + needle.count])
                    {
                        return index
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// The 1-based line and column of a byte offset on `line` or a later line.
    func position(of offset: Int, fromLine line: Int) -> (line: Int, column: Int) {
        var index = line - 1
        guard index >= 0, index < lineStarts.count, lineStarts[index] <= offset else { return position(of: offset) }
        while index + 1 < lineStarts.count, lineStarts[index + 1] <= offset { index += 1 }
        return (index + 1, offset - lineStarts[index] + 1)
    }

    /// The 1-based line and column of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The column of the `occurrence`-th `<name` followed by a name end on `line` (or of the
    /// last one, when there are fewer).
    private func column(ofTag name: UnsafeBufferPointer<UInt8>, onLine line: Int, occurrence: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        var found: Int?
        var seen = 0
        var index = start
        while index + name.count < end {
            if bytes[index] == UInt8(ascii: "<"), matches(name, at: index + 1) {
                let after = index + 1 + name.count
                if after >= bytes.count || isNameEnd(bytes[after]) {
                    found = index
                    if seen == occurrence { break }
                    seen += 1
                }
            }
            index += 1
        }
        return found.map { $0 - start + 1 }
    }

    private func matches(_ name: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + name.count <= bytes.count else { return false }
        for offset in 0..<name.count where bytes[index + offset] != name[offset] { return false }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
