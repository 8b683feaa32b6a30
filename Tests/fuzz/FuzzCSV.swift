// libFuzzer entry point for the CSV reader, compiled with Sources/VetaProgress/Import/CSV.swift
// into one module by `make fuzz-build` (swiftc -sanitize=fuzzer,address); not part of the package.
//
// The rules it checks, for every byte string: parsing returns records or a syntax error with a
// line inside the file, never a crash; record lines strictly increase.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    do {
        let records = try CSV.parse(bytes)
        var previous = 0
        for record in records {
            guard record.line > previous, record.line <= lineCount else { fatalError("record line \(record.line) out of order") }
            previous = record.line
        }
    } catch {
        guard (1...lineCount).contains(error.line) else { fatalError("syntax error on line \(error.line) of \(lineCount)") }
    }
    return 0
}
