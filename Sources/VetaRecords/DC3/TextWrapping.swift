/// Breaks a value into lines that fit a width, shrinking the type before it adds lines.
///
/// Names are never refused for their length while the form has room: a value that does not fit
/// on one line at its size is set smaller (down to ``smallestSize``) and then wrapped at spaces
/// (a word wider than the box is broken between letters), up to `maxLines` lines.
struct TextWrapping {
    /// The smallest type size a value is set in.
    static let smallestSize: Float = 6
    /// How much smaller each try sets the type.
    static let step: Float = 0.5

    /// A value laid out: its type size and its lines.
    struct Layout: Equatable {
        var size: Float
        var lines: [String]
    }

    let document: PDFDocument

    /// The layout of `paragraphs` (each starts a new line) in `width`: on as few lines as
    /// possible, each try shrinking the type down to 70 % of `size` before it takes one line more,
    /// and the last try down to ``smallestSize``.
    ///
    /// - Throws: ``PDFError/tooLong(_:characters:)`` when even `maxLines` lines of the smallest
    ///   type do not hold it.
    func layout(
        _ paragraphs: [String], width: Float, size: Float, maxLines: Int, weight: PDFDocument.Weight = .regular, field: String
    ) throws -> Layout {
        let paragraphs = paragraphs.isEmpty ? [""] : paragraphs
        var lines = paragraphs.count
        while lines <= maxLines {
            let smallest = lines == maxLines ? Self.smallestSize : max(Self.smallestSize, size * 0.7)
            var current = size
            while current >= smallest {
                var all: [String] = []
                var fitted = true
                for paragraph in paragraphs {
                    guard
                        let wrapped = try wrap(
                            paragraph, width: width, size: current, maxLines: lines - paragraphs.count + 1, weight: weight, field: field)
                    else {
                        fitted = false
                        break
                    }
                    all += wrapped
                }
                if fitted && all.count <= lines { return Layout(size: current, lines: all) }
                current -= Self.step
            }
            lines += 1
        }
        throw PDFError.tooLong(field, characters: paragraphs.reduce(0) { $0 + $1.count })
    }

    /// Greedy word wrap at `size`, or nil when it needs more than `maxLines` lines.
    private func wrap(
        _ text: String, width: Float, size: Float, maxLines: Int, weight: PDFDocument.Weight, field: String
    ) throws -> [String]? {
        func fits(_ candidate: String) throws -> Bool {
            try document.textWidth(candidate, size: size, weight: weight, field: field) <= width
        }
        if try fits(text) { return [text] }
        guard maxLines > 1 else { return nil }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let joined = line.isEmpty ? word : line + " " + word
            if try fits(joined) {
                line = joined
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
            }
            // A word wider than the box alone is broken between letters.
            var rest = Substring(word)
            while !(try fits(String(rest))) {
                var cut = rest.startIndex
                while cut < rest.endIndex, try fits(String(rest[rest.startIndex...cut])) { cut = rest.index(after: cut) }
                guard cut > rest.startIndex else { return nil }
                lines.append(String(rest[rest.startIndex..<cut]))
                rest = rest[cut...]
                if lines.count > maxLines { return nil }
            }
            line = String(rest)
            if lines.count >= maxLines { return nil }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.count <= maxLines ? lines : nil
    }
}
