/// One small lexical reader per XSD 1.0 type that the curriculum schema uses: each applies the
/// type's whitespace processing, accepts exactly the type's lexical space and returns the value
/// it maps to, or says why it cannot. None falls back to a default.
///
/// - `xs:token` and `xs:anyURI`: ``collapse(_:)``.
/// - `xs:nonNegativeInteger`, `xs:positiveInteger` and their `maxInclusive` restrictions: ``integer(_:minimum:maximum:)``.
/// - `xs:boolean`: ``boolean(_:)``.
/// - `xs:date`: ``date(_:)`` (in `XSDValueReader+Date.swift`).
/// - Enumerations of `xs:string` and patterned strings keep their text as written (`whiteSpace`
///   is `preserve` for `xs:string`): ``enumeration(_:_:)``, ``semanticVersion(_:)``.
enum XSDValueReader {
    /// Whether `byte` is XML white space: space, tab, line feed or carriage return.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// `whiteSpace="collapse"`: tabs, line feeds and carriage returns become spaces, runs of
    /// spaces become one, and leading and trailing spaces go.
    static func collapse(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `xs:integer` restricted to `minimum...maximum`: an optional sign and one or more ASCII
    /// digits (leading zeros allowed) after collapsing white space.
    ///
    /// A value beyond `Int` is ``XSDValueError/tooLarge`` when the type has no maximum, and
    /// outside the type when it has one.
    static func integer(_ text: String, minimum: Int, maximum: Int? = nil) -> Result<Int, XSDValueError> {
        var text = text
        return text.withUTF8 { integer(trimmed($0), minimum: minimum, maximum: maximum) }
    }

    /// The bytes without leading and trailing XML white space. A value of a collapsed type that
    /// still holds white space after this would hold it inside, where no number or keyword may.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    private static func integer(
        _ bytes: Slice<UnsafeBufferPointer<UInt8>>, minimum: Int, maximum: Int?
    ) -> Result<Int, XSDValueError> {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.endIndex else { return .failure(.notInLexicalSpace) }
        var magnitude = 0
        var overflow = false
        for byte in bytes[index...] {
            guard byte >= 0x30 && byte <= 0x39 else { return .failure(.notInLexicalSpace) }
            guard !overflow else { continue }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(byte - 0x30))
            if o1 || o2 { overflow = true } else { magnitude = sum }
        }
        if negative && (overflow || magnitude != 0) {
            // Every integer type the schema uses has a minimum of 0 or more.
            return minimum > Int.min ? .failure(.outsideType("at least \(minimum)")) : .failure(.tooLarge)
        }
        if overflow {
            return maximum.map { .failure(.outsideType("at most \($0)")) } ?? .failure(.tooLarge)
        }
        if magnitude < minimum { return .failure(.outsideType("at least \(minimum)")) }
        if let maximum, magnitude > maximum { return .failure(.outsideType("at most \(maximum)")) }
        return .success(magnitude)
    }

    /// `xs:boolean`: `true`, `false`, `1` or `0` after collapsing white space; no other case or spelling.
    static func boolean(_ text: String) -> Result<Bool, XSDValueError> {
        var text = text
        return text.withUTF8 { bytes in
            let value = trimmed(bytes)
            if value.elementsEqual("true".utf8) || value.elementsEqual("1".utf8) { return .success(true) }
            if value.elementsEqual("false".utf8) || value.elementsEqual("0".utf8) { return .success(false) }
            return .failure(.notInLexicalSpace)
        }
    }

    /// An enumeration restricting `xs:string`: the text exactly as written (no white space is
    /// removed) must be one of the values.
    static func enumeration<T>(_ text: String, _ make: (String) -> T?) -> Result<T, XSDValueError> {
        make(text).map { .success($0) } ?? .failure(.notInLexicalSpace)
    }

    /// The schema's `SemanticVersion` pattern, `(0|[1-9][0-9]{0,5})` three times separated by dots.
    static func semanticVersion(_ text: String) -> Result<SemanticVersion, XSDValueError> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return .failure(.notInLexicalSpace) }
        var numbers: [Int] = []
        for part in parts {
            let bytes = Array(part.utf8)
            guard (1...6).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                bytes.count == 1 || bytes[0] != 0x30
            else { return .failure(.notInLexicalSpace) }
            numbers.append(bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        return .success(SemanticVersion(major: numbers[0], minor: numbers[1], patch: numbers[2]))
    }
}
