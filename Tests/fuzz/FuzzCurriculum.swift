// libFuzzer entry point for the curriculum reader: secure XML parsing, XSD validation, the model
// reader and every semantic rule. Compiled into the VetaCurricula module by `make fuzz-build`
// (swiftc -sanitize=fuzzer,address); not part of the package.
//
// The rule it checks: for every byte string, validation returns a result (findings or a model);
// it never crashes, traps, leaks past the sanitizer or reads out of bounds.

private let fuzzValidator: CurriculumValidator? = try? CurriculumValidator()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCurriculum(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let validator = fuzzValidator else { fatalError("the bundled schema does not compile") }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = validator.validate(bytes, path: "fuzz.xml")
    if let curriculum = result.curriculum {
        // What later commands do with a valid model: a diff with itself, the CASE export.
        _ = CurriculumDiff.between(curriculum, curriculum)
        _ = try? CASEExport.json(CASEExport.package(for: curriculum))
    }
    return 0
}
