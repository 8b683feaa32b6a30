@testable import VetaCurricula

/// One validator for the whole test run: compiling the schema once is what the CLI does too.
let sharedValidator: CurriculumValidator = {
    do {
        return try CurriculumValidator()
    } catch {
        fatalError("the bundled schema does not compile: \(error)")
    }
}()

extension CurriculumXML {
    func validate(path: String = "test.xml") -> ValidationResult {
        sharedValidator.validate(bytes, path: path)
    }
}

extension ValidationResult {
    var codes: [String] { diagnostics.map(\.code) }
}
