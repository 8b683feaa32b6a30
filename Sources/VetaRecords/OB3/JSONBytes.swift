/// A small JSON writer: objects, arrays, strings (escaped as JSON requires), numbers.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(8192) }

    /// An object whose fields `body` writes.
    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        var writer = ObjectWriter(json: self)
        bytes = []
        writer.json.bytes.append(UInt8(ascii: "{"))
        body(&writer)
        writer.json.bytes.append(UInt8(ascii: "}"))
        self = writer.json
    }

    /// An array of `items`, each written by `body`.
    mutating func array<T>(_ items: [T], _ body: (inout JSONBytes, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            body(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func strings(_ items: [String]) {
        array(items) { $0.string($1) }
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func number(_ value: Int) { raw(String(value)) }

    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 { raw(String(Int(value))) } else { raw(String(value)) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        Self.appendEscaped(text, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The contents of a JSON string for `text`, without the quotes. The escape is byte by byte,
    /// so escaping the parts of a text one after another gives the escape of the whole.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        // Most texts need no escape: scanned and copied as contiguous bytes where the string has them.
        let copied = text.utf8.withContiguousStorageIfAvailable { source -> Bool in
            for byte in source where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            bytes.append(contentsOf: source)
            return true
        }
        if copied == true { return }
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: bytes.append(byte)
            }
        }
    }

    /// Writes the fields of one object, with commas between them.
    struct ObjectWriter {
        var json: JSONBytes
        private var first = true

        init(json: JSONBytes) { self.json = json }

        mutating func field(_ key: String, _ value: (inout JSONBytes) -> Void) {
            if !first { json.bytes.append(UInt8(ascii: ",")) }
            first = false
            json.string(key)
            json.bytes.append(UInt8(ascii: ":"))
            value(&json)
        }
    }
}
