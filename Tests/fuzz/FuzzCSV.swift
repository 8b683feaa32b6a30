// libFuzzer entry point for the CSV reader and writer, compiled with the CSV sources of
// Sources/VetaProgress/Import (FUZZ_CSV_SOURCES in the Makefile) into one module by
// `make fuzz-build` (swiftc -sanitize=fuzzer,address); not part of the package.
//
// The rules it checks, for every byte string, read as UTF-8 and as Windows-1252:
// - decoding gives valid UTF-8 or a refusal naming a line inside the file, never a crash;
// - the separator is declared, detected or refused, and parsing gives records or a syntax error
//   naming a line inside the file; record lines strictly increase;
// - every cell Veta would write back is neutralised: it never starts with a formula trigger.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    for encoding in CSV.Encoding.allCases {
        read(bytes, encoding: encoding)
    }
    return 0
}

private func read(_ bytes: [UInt8], encoding: CSV.Encoding) {
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    func inside(_ error: CSV.SyntaxError) {
        // Windows-1252 has no line feed of its own beyond 0x0A, so lines are the same in both readings.
        guard (1...lineCount).contains(error.line) else { fatalError("error on line \(error.line) of \(lineCount)") }
    }
    let text: [UInt8]
    do {
        text = try CSV.text(from: bytes, encoding: encoding)
    } catch {
        return inside(error)
    }
    guard String(validating: text, as: UTF8.self) != nil else { fatalError("decoded text is not UTF-8") }
    let delimiter: CSV.Delimiter
    do {
        if let declared = CSV.Delimiter.declared(in: text) {
            delimiter = declared
        } else {
            delimiter = try CSV.Delimiter.detect(inHeaderOf: text)
        }
    } catch {
        return inside(error)
    }
    do {
        var previous = 0
        for record in try CSV.parse(text, delimiter: delimiter.byte) {
            guard record.line > previous else { fatalError("record line \(record.line) after \(previous)") }
            previous = record.line
            for field in record.fields {
                let written = CSV.cell(field)
                let first = written.hasPrefix("\"") ? written.dropFirst().first : written.first
                if let first, CSV.formulaTriggers.contains(first) { fatalError("cell \(written) is not neutralised") }
            }
        }
    } catch {
        inside(error)
    }
}
