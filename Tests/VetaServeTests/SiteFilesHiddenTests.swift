import Foundation
import Testing

@testable import VetaServe

/// What a static web host would not serve either: the build's marker file, and a file named as a
/// folder (a trailing slash after a file's name) (breakit5 finding 17).
@Suite struct SiteFilesHiddenTests {
    @Test func theMarkerAndAFileWithATrailingSlashAreNotFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("veta-serve-\(UUID().uuidString)")
        let record = root.appendingPathComponent("records/S")
        try FileManager.default.createDirectory(at: record, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appendingPathComponent(".veta-site"))
        try Data("png".utf8).write(to: record.appendingPathComponent("badge.png"))
        try Data("<p>home</p>".utf8).write(to: root.appendingPathComponent("index.html"))
        #expect(SiteFiles.target(forRequestPath: "/.veta-site", root: root) == nil)
        #expect(SiteFiles.target(forRequestPath: "/%2Eveta-site", root: root) == nil)
        #expect(SiteFiles.target(forRequestPath: "/records/S/badge.png/", root: root) == nil)
        #expect(SiteFiles.target(forRequestPath: "/records/S/badge.png", root: root) != nil)
        #expect(
            SiteFiles.target(forRequestPath: "/", root: root) == .file(root.appendingPathComponent("index.html").resolvingSymlinksInPath()))
    }
}
