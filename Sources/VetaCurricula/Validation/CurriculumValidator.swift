import Foundation

/// Reads and validates curriculum files: security checks, well-formedness, the XSD, then the
/// semantic rules. It never prints; every finding is returned as a ``Diagnostic``.
///
/// One validator compiles its schema once and can validate many files, from several threads.
///
/// ```swift
/// let validator = try CurriculumValidator()
/// let result = try validator.validate(fileAt: "Curricula/operator-haul-truck.xml")
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// ```
public final class CurriculumValidator: Sendable {
    private let schema: CompiledSchema
    /// The limits applied to every file.
    public let limits: ParseLimits

    /// Creates a validator with the bundled schema (`Schemas/curriculum.xsd`) or the one at `schemaPath`.
    ///
    /// - Throws: ``CurriculumIOError`` when the schema file cannot be read, ``SchemaLoadError`` when it does not compile.
    public init(schemaPath: String? = nil, limits: ParseLimits = .default) throws {
        self.limits = limits
        if let schemaPath {
            guard case .bytes(let bytes) = try FileReader.read(schemaPath, limit: 16 << 20) else {
                throw CurriculumIOError(path: schemaPath, reason: "the schema is over 16 MiB")
            }
            schema = try CompiledSchema(bytes: bytes, path: schemaPath)
        } else {
            schema = try CompiledSchema(bytes: Array(BundledSchema.text.utf8), path: BundledSchema.path)
        }
    }

    /// Validates XML bytes. `path` is the file name reported in each ``SourceLocation``.
    ///
    /// - Parameters:
    ///   - keepingModel: Whether the result keeps the ``Curriculum``; its code and version are kept either way.
    ///   - freeingDocument: Whether libxml2's tree of the file (and, without `keepingModel`, the
    ///     model read from it) is freed when validation ends. Pass `false` only in a process that
    ///     exits soon after (the command line validating one file): they are then left for the
    ///     system to take back with the process, which saves freeing them node by node. Nothing
    ///     else changes.
    public func validate(_ bytes: [UInt8], path: String, keepingModel: Bool = true, freeingDocument: Bool = true) -> ValidationResult {
        let parsed: ParsedDocument
        switch SecureXMLParser(limits: limits, dates: schema.dateWhitespace).parse(bytes, path: path) {
        case .failure(let list):
            return ValidationResult(path: path, curriculum: nil, diagnostics: list.diagnostics)
        case .success(let document):
            parsed = document
        }
        if !freeingDocument { parsed.document.leaveAllocated() }
        let schemaFindings = schema.validate(parsed)
        guard schemaFindings.isEmpty else {
            return ValidationResult(path: path, curriculum: nil, diagnostics: schemaFindings + Self.rulesDespiteSchema(parsed))
        }
        let curriculum: Curriculum
        switch CurriculumReader(parsed: parsed, readingTexts: keepingModel).read() {
        case .success(let read): curriculum = read
        case .failure(let unreadable): return ValidationResult(path: path, curriculum: nil, diagnostics: unreadable.diagnostics)
        }
        // The model a caller does not keep goes with the tree when the process is about to exit:
        // freeing its units one array at a time is work for nothing then (see `freeingDocument`).
        if !freeingDocument && !keepingModel { LeftAllocated.keep(curriculum) }
        return ValidationResult(
            path: path, curriculum: curriculum, diagnostics: RuleCatalog.check(curriculum), keepingModel: keepingModel)
    }

    /// The semantic findings of a document the schema refused, so that one run lists every
    /// finding (in line order) instead of the schema's first and the rules' on the next run.
    ///
    /// The rules run only when every value they read is there and of its type (the reader, which
    /// never falls back to a default, returns a curriculum): a schema finding about an element out
    /// of order, an unknown element or a bad text leaves the model whole. When a value is missing
    /// or unreadable the schema's findings stand alone (the reader's would repeat them).
    private static func rulesDespiteSchema(_ parsed: ParsedDocument) -> [Diagnostic] {
        guard case .success(let curriculum) = CurriculumReader(parsed: parsed, readingTexts: false).read() else { return [] }
        return RuleCatalog.check(curriculum)
    }

    /// Reads and validates one file.
    ///
    /// - Throws: ``CurriculumIOError`` when the file cannot be read. A file over the size limit is
    ///   not read; it gets a diagnostic instead.
    /// - Parameter freeingDocument: See ``validate(_:path:keepingModel:freeingDocument:)``.
    public func validate(fileAt path: String, keepingModel: Bool = true, freeingDocument: Bool = true) throws(CurriculumIOError)
        -> ValidationResult
    {
        switch try FileReader.read(path, limit: limits.maximumFileSize) {
        case .bytes(let bytes):
            return validate(bytes, path: path, keepingModel: keepingModel, freeingDocument: freeingDocument)
        case .tooLarge(let size):
            return ValidationResult(
                path: path, curriculum: nil,
                diagnostics: [
                    DocumentCheck.fileTooLarge.diagnostic(
                        at: SourceLocation(file: path, line: 0),
                        "the file is \(size) bytes, over the limit of \(limits.maximumFileSize) bytes")
                ])
        }
    }

    /// Validates files and folders (searched recursively for `*.xml`), using every core.
    ///
    /// Results come back in the order of ``CurriculumFiles/expand(_:)``, whatever order they finish in.
    /// - Parameter progress: Called after each file with the number done and the total, from any thread.
    /// - Throws: ``CurriculumIOError`` for the first path that cannot be read.
    public func validate(
        paths: [String], keepingModels: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CurriculumIOError) -> [ValidationResult] {
        try validate(files: CurriculumFiles.expand(paths), keepingModels: keepingModels, progress: progress)
    }

    /// Validates these files (not folders), using every core; results come back in the same order.
    ///
    /// - Parameter freeingDocuments: See ``validate(_:path:keepingModel:freeingDocument:)``; `false`
    ///   only for a few files in a process about to exit.
    /// - Throws: ``CurriculumIOError`` for the first file that cannot be read.
    public func validate(
        files: [String], keepingModels: Bool = true, freeingDocuments: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CurriculumIOError) -> [ValidationResult] {
        let results = ConcurrentResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(
                index,
                Result { () throws(CurriculumIOError) in
                    try validate(fileAt: files[index], keepingModel: keepingModels, freeingDocument: freeingDocuments)
                })
            progress?(results.completed, files.count)
        }
        return try results.values()
    }
}
