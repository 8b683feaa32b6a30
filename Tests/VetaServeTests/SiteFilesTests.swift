import Foundation
import PropertyBased
import Testing

@testable import VetaServe

@Suite struct SiteFilesTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("did.json", "application/json"), ("S.JWT", "application/jwt"),
        ("b.svg", "image/svg+xml"), ("b.png", "image/png"), ("README", "application/octet-stream"),
        ("x.json.bak", "application/octet-stream"),
    ])
    func contentTypesFollowTheExtension(_ name: String, _ type: String) {
        #expect(SiteFiles.contentType(for: name) == type)
    }

    static let traversals = [
        "/..", "/../etc/passwd", "/records/../../x", "/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/records/%2e%2e%2f%2e%2e/x",
        "/a/./b", "/a//b", "/%00", "/a%5c..%5cb", "/%ZZ", "relative",
    ]

    @Test(arguments: traversals) func traversalIsRefused(_ path: String) {
        #expect(SiteFiles.segments(ofRequestPath: path) == nil)
    }

    @Test func anyDotDotSegmentHoweverEncodedIsRefused() async {
        // Each of `.`, `.` spelled plainly or percent-encoded in either case.
        let dot = Gen.int(in: 0...2).map { [".", "%2e", "%2E"][$0] }
        let name = Gen.int(in: 0...2).map { ["a", "records", "VETA-1"][$0] }
        await propertyCheck(count: 300, input: name.array(of: 0...3), dot, dot, name.array(of: 0...3)) { before, d1, d2, after in
            let path = "/" + (before + [d1 + d2] + after).joined(separator: "/")
            #expect(SiteFiles.segments(ofRequestPath: path) == nil, "\(path)")
        }
    }

    @Test func foldersServeTheirIndexAndNothingLeavesTheRoot() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("veta-serve-\(UUID().uuidString)")
        let root = base.appendingPathComponent("site")
        let record = root.appendingPathComponent("records/VETA-2026-000001")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try Data("<p>ok</p>".utf8).write(to: record.appendingPathComponent("index.html"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("leak.txt"), withDestinationURL: base.appendingPathComponent("secret.txt"))
        let page = SiteFiles.target(forRequestPath: "/records/VETA-2026-000001/", root: root)
        #expect(page == .file(record.appendingPathComponent("index.html").resolvingSymlinksInPath()))
        #expect(
            SiteFiles.target(forRequestPath: "/records/VETA-2026-000001", root: root)
                == .folder(redirectTo: "/records/VETA-2026-000001/"))
        #expect(SiteFiles.target(forRequestPath: "/leak.txt", root: root) == nil)
        #expect(SiteFiles.target(forRequestPath: "/../secret.txt", root: root) == nil)
        #expect(SiteFiles.target(forRequestPath: "/records/", root: root) == nil)  // no index.html there
        #expect(SiteFiles.target(forRequestPath: "/missing.json", root: root) == nil)
    }
}
