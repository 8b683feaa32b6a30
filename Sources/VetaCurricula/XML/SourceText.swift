/// The raw bytes of a file, indexed by line, to find the column of a tag or attribute that
/// libxml2 only locates by line.
struct SourceText {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        lineStarts = starts
    }

    /// The position of the `occurrence`-th (0-based) start tag `<name` on `line`, looking a few
    /// lines back when libxml2 recorded the line where the tag ends.
    func startOfTag(_ name: String, line: Int, occurrence: Int = 0) -> (line: Int, column: Int)? {
        let needle = Array(("<" + name).utf8)
        var candidateLine = line
        while candidateLine >= 1 && candidateLine >= line - 8 {
            let hits = matches(of: needle, onLine: candidateLine, requireBoundary: true)
            if !hits.isEmpty {
                return (candidateLine, hits[min(occurrence, hits.count - 1)] - lineStarts[candidateLine - 1] + 1)
            }
            candidateLine -= 1
        }
        return nil
    }

    /// The line and column of attribute `name` in the start tag that begins at `line`:`column`.
    func positionOfAttribute(_ name: String, tagLine line: Int, tagColumn column: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        var index = lineStarts[line - 1] + column - 1
        let needle = Array(name.utf8)
        var inQuote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let quote = inQuote {
                if byte == quote { inQuote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                inQuote = byte
            } else if byte == UInt8(ascii: ">") {
                return nil
            } else if index > 0, isSpace(bytes[index - 1]), startsWith(needle, at: index),
                index + needle.count < bytes.count,
                bytes[index + needle.count] == UInt8(ascii: "=") || isSpace(bytes[index + needle.count])
            {
                return position(of: index)
            }
            index += 1
        }
        return nil
    }

    private func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    private func matches(of needle: [UInt8], onLine line: Int, requireBoundary: Bool) -> [Int] {
        guard line >= 1, line <= lineStarts.count else { return [] }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        var hits: [Int] = []
        var index = start
        while index + needle.count <= end {
            if startsWith(needle, at: index) {
                let after = index + needle.count
                if !requireBoundary || after >= bytes.count || isNameEnd(bytes[after]) { hits.append(index) }
            }
            index += 1
        }
        return hits
    }

    private func startsWith(_ needle: [UInt8], at index: Int) -> Bool {
        guard index + needle.count <= bytes.count else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
