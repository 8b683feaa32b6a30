import ArgumentParser
import VetaCurricula

/// Options shared by commands that read curriculum files.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Validate against this XSD instead of the bundled one.", valueName: "file"))
    var schema: String?

    @Option(help: ArgumentHelp("Largest file accepted, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = ParseLimits.default.maximumFileSize

    @Option(help: ArgumentHelp("Deepest element nesting accepted.", valueName: "levels"))
    var maxDepth: Int = ParseLimits.default.maximumDepth

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
        guard (8...256).contains(maxDepth) else { throw ValidationError("--max-depth must be between 8 and 256") }
    }

    func makeValidator() throws -> CurriculumValidator {
        try CurriculumValidator(
            schemaPath: schema, limits: ParseLimits(maximumFileSize: maxFileSize, maximumDepth: maxDepth))
    }
}
