import Foundation
import Testing

@testable import VetaCurricula

/// Hostile documents are refused quickly with a diagnostic naming the problem, and nothing
/// they point at is read or fetched.
@Suite struct HostileInputTests {
    /// A file whose content must never appear in any output.
    static let secret: (path: String, content: String) = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("veta-secret-\(getpid()).txt").path
        let content = "VETA-SECRET-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: path, contents: Data(content.utf8))
        return (path, content)
    }()

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let expectedCode: String
        let bytes: @Sendable () -> [UInt8]
        var testDescription: String { name }
    }

    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    static let root = "<curriculum xmlns=\"urn:veta:curriculum:1\""

    static let cases: [Case] = [
        Case(name: "external entity to a local file", expectedCode: "VETA-S001") {
            Array((head + "<!DOCTYPE c [<!ENTITY s SYSTEM \"file://\(secret.path)\">]>\n\(root)>&s;</curriculum>").utf8)
        },
        Case(name: "parameter entity", expectedCode: "VETA-S001") {
            Array((head + "<!DOCTYPE c [<!ENTITY % p SYSTEM \"file://\(secret.path)\"> %p;]>\n\(root)/>").utf8)
        },
        Case(name: "external DTD over the network", expectedCode: "VETA-S001") {
            Array((head + "<!DOCTYPE c SYSTEM \"http://198.51.100.7/c.dtd\">\n\(root)/>").utf8)
        },
        Case(name: "billion laughs", expectedCode: "VETA-S001") {
            var dtd = "<!ENTITY l0 \"lol\">"
            for level in 1...12 { dtd += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
            return Array((head + "<!DOCTYPE c [\(dtd)]>\n\(root)>&l12;</curriculum>").utf8)
        },
        Case(name: "quadratic blow-up", expectedCode: "VETA-S001") {
            let entity = String(repeating: "x", count: 50_000)
            let body = String(repeating: "&a;", count: 50_000)
            return Array((head + "<!DOCTYPE c [<!ENTITY a \"\(entity)\">]>\n\(root)>\(body)</curriculum>").utf8)
        },
        Case(name: "100k-deep nesting", expectedCode: "VETA-S003") {
            Array(
                (head + root + ">" + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "</curriculum>")
                    .utf8)
        },
        Case(name: "30 MB attribute", expectedCode: "VETA-S007") {
            Array((head + root + " code=\"" + String(repeating: "A", count: 30_000_000) + "\"/>").utf8)
        },
        Case(name: "invalid UTF-8", expectedCode: "VETA-X002") {
            Array((head + root + "><title>").utf8) + [0xC3, 0x28, 0xFF] + Array("</title></curriculum>".utf8)
        },
        Case(name: "truncated", expectedCode: "VETA-X001") {
            Array((head + root + " code=\"AB\" version=\"1.0").utf8)
        },
        Case(name: "empty", expectedCode: "VETA-S006") { [] },
        Case(name: "XInclude", expectedCode: "VETA-S004") {
            let include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://\(secret.path)\" parse=\"text\"/>"
            return Array((head + root + ">" + include + "</curriculum>").utf8)
        },
        Case(name: "remote xsi:schemaLocation", expectedCode: "VETA-S005") {
            let xsi =
                " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"urn:veta:curriculum:1 http://198.51.100.7/c.xsd\""
            return Array((head + root + xsi + "/>").utf8)
        },
        Case(name: "random bytes", expectedCode: "VETA-X") {
            var generator = SystemRandomNumberGenerator()
            return (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        },
    ]

    @Test(arguments: cases)
    func hostileDocumentIsRefusedWithADiagnostic(_ hostile: Case) throws {
        // No timing here (a unit test must not depend on the machine's load): the refusal comes
        // from a limit, not from running out of time, and `make bench` measures the speed.
        let validated = sharedValidator.validate(hostile.bytes(), path: "hostile.xml")
        #expect(validated.curriculum == nil)
        #expect(validated.hasErrors)
        #expect(validated.codes.contains { $0.hasPrefix(hostile.expectedCode) }, "\(hostile.name): got \(validated.codes)")
        let rendered = TextReport.render([validated]) + (try JSONReport([validated]).encoded())
        #expect(!rendered.contains(Self.secret.content), "the content of a referenced file leaked into the output")
        #expect(rendered.utf8.count < 4096, "output stays short; nothing of the input is echoed at length")
    }

    @Test func fileOverTheSizeLimitIsNotRead() throws {
        let validator = try CurriculumValidator(limits: ParseLimits(maximumFileSize: 1024))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("veta-large-\(getpid()).xml")
        try Data(CurriculumXML(units: [.init(code: "U1")]).text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try validator.validate(fileAt: url.path)
        #expect(result.codes == ["VETA-S002"])
        #expect(result.diagnostics.first?.message.contains("over the limit of 1024 bytes") == true)
    }

    @Test func configuredDepthLimitIsEnforced() throws {
        let validator = try CurriculumValidator(limits: ParseLimits(maximumDepth: 8))
        let deep = Self.head + Self.root + ">" + String(repeating: "<x>", count: 9) + String(repeating: "</x>", count: 9) + "</curriculum>"
        let result = validator.validate(Array(deep.utf8), path: "deep.xml")
        #expect(result.codes == ["VETA-S003"])
        #expect(result.diagnostics.first?.message.contains("over the limit of 8") == true)
    }

    @Test func missingFileIsAnIOErrorNotAFinding() {
        #expect(throws: CurriculumIOError.self) {
            try sharedValidator.validate(fileAt: "/nonexistent/veta/curriculum.xml")
        }
    }
}
