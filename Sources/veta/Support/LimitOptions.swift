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

    /// Reads and validates `file`; prints its findings and exits 1 when it has errors, exits 2 on I/O.
    ///
    /// With `json`, the findings go to stderr as text and stdout gets one JSON error document holding
    /// the validation report.
    func readValidCurriculum(_ file: String, json: Bool = false) throws -> (result: ValidationResult, curriculum: Curriculum) {
        let result: ValidationResult
        do {
            result = try makeValidator().validate(fileAt: file)
        } catch {
            throw failure(error, json: json)
        }
        guard let curriculum = result.curriculum, !result.hasErrors else {
            guard json else {
                Terminal.out(TextReport.render([result]))
                throw ExitCode(1)
            }
            Terminal.err(TextReport.render([result]))
            JSONError(
                code: "invalid-curriculum", exitCode: 1, message: "\(file) has errors", validation: JSONReport([result])
            ).print()
            throw ExitCode(1)
        }
        return (result, curriculum)
    }

    func makeValidator() throws -> CurriculumValidator {
        try CurriculumValidator(
            schemaPath: schema, limits: ParseLimits(maximumFileSize: maxFileSize, maximumDepth: maxDepth))
    }
}
