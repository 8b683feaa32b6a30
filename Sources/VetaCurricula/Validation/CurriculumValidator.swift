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
            let bytes = try Self.readBytes(schemaPath, limit: 16 << 20)
            schema = try CompiledSchema(bytes: bytes, path: schemaPath)
        } else {
            schema = try CompiledSchema(bytes: Array(BundledSchema.text.utf8), path: BundledSchema.path)
        }
    }

    /// Validates XML bytes. `path` is the file name reported in each ``SourceLocation``.
    public func validate(_ bytes: [UInt8], path: String) -> ValidationResult {
        let parsed: ParsedDocument
        switch SecureXMLParser(limits: limits).parse(bytes, path: path) {
        case .failure(let list):
            return ValidationResult(path: path, curriculum: nil, diagnostics: list.diagnostics)
        case .success(let document):
            parsed = document
        }
        let schemaFindings = schema.validate(parsed)
        guard schemaFindings.isEmpty else {
            return ValidationResult(path: path, curriculum: nil, diagnostics: schemaFindings)
        }
        let curriculum = CurriculumReader(parsed: parsed).read()
        return ValidationResult(path: path, curriculum: curriculum, diagnostics: RuleCatalog.check(curriculum))
    }

    /// Reads and validates one file.
    ///
    /// - Throws: ``CurriculumIOError`` when the file cannot be read. A file over the size limit is
    ///   not read; it gets a diagnostic instead.
    public func validate(fileAt path: String) throws(CurriculumIOError) -> ValidationResult {
        let size = try Self.fileSize(path)
        if size > limits.maximumFileSize {
            return ValidationResult(
                path: path, curriculum: nil,
                diagnostics: [
                    DocumentCheck.fileTooLarge.diagnostic(
                        at: SourceLocation(file: path, line: 0),
                        "the file is \(size) bytes, over the limit of \(limits.maximumFileSize) bytes")
                ])
        }
        return validate(try Self.readBytes(path, limit: limits.maximumFileSize), path: path)
    }

    /// Validates files and folders (searched recursively for `*.xml`), using every core.
    ///
    /// Results come back in the order of ``CurriculumFiles/expand(_:)``, whatever order they finish in.
    /// - Parameter progress: Called after each file with the number done and the total, from any thread.
    /// - Throws: ``CurriculumIOError`` for the first path that cannot be read.
    public func validate(
        paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(CurriculumIOError) -> [ValidationResult] {
        let files = try CurriculumFiles.expand(paths)
        let results = ConcurrentResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, Result { () throws(CurriculumIOError) in try validate(fileAt: files[index]) })
            progress?(results.completed, files.count)
        }
        return try results.values()
    }

    static func fileSize(_ path: String) throws(CurriculumIOError) -> Int {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw CurriculumIOError(
                path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
    }

    static func readBytes(_ path: String, limit: Int) throws(CurriculumIOError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CurriculumIOError(
                path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit, so a file that grew after its size was checked is still caught.
            return Array(try handle.read(upToCount: limit + 1) ?? Data())
        } catch {
            throw CurriculumIOError(path: path, reason: "cannot read the file")
        }
    }
}
