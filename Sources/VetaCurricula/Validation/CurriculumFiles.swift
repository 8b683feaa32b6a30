import Foundation

/// Turns the paths a user gives into the curriculum files to read.
public enum CurriculumFiles {
    /// Files as given, and the `*.xml` files under folders (recursively, sorted, hidden files skipped).
    ///
    /// - Throws: ``CurriculumIOError`` for a path that does not exist.
    public static func expand(_ paths: [String]) throws(CurriculumIOError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CurriculumIOError(path: path, reason: "no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw CurriculumIOError(path: path, reason: "cannot list the folder")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if name.hasSuffix(".xml") { found.append(relative) }
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += found.sorted().map { base + "/" + $0 }
        }
        return files
    }
}
