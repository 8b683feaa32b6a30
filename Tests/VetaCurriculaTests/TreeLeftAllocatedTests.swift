import Testing

@testable import VetaCurricula

/// `veta validate` of one file leaves libxml2's tree to the process exit
/// (`freeingDocument: false`); that must change nothing but the freeing.
@Suite struct TreeLeftAllocatedTests {
    @Test(arguments: FindingsWithoutModelTests.files)
    func leavingTheTreeKeepsEveryFinding(_ file: String) throws {
        let freed = try sharedValidator.validate(fileAt: Repository.path(file), keepingModel: false)
        let left = try sharedValidator.validate(fileAt: Repository.path(file), keepingModel: false, freeingDocument: false)
        #expect(left.diagnostics == freed.diagnostics)
        #expect(left.code == freed.code && left.version == freed.version)
    }

    @Test func severalFilesAtOnceGiveTheSameResults() throws {
        let paths = FindingsWithoutModelTests.files.prefix(4).map(Repository.path)
        let freed = try sharedValidator.validate(files: Array(paths), keepingModels: false)
        let left = try sharedValidator.validate(files: Array(paths), keepingModels: false, freeingDocuments: false)
        #expect(left.map(\.diagnostics) == freed.map(\.diagnostics))
    }
}
