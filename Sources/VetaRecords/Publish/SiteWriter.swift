import Foundation
public import VetaProgress

/// Writes a built site to a folder atomically: into a new folder beside it, then renamed into place.
///
/// A folder that exists is replaced only when it is a site an earlier build wrote (it holds the
/// marker file `.veta-site`) or is empty; anything else is refused and left as it was.
public enum SiteWriter {
    /// The marker file at a site's root.
    public static let marker = ".veta-site"
    static let markerText = "A static site written by veta site build; the next build replaces this folder.\n"

    /// Writes `files` (path → bytes) to `folder`. Throws ``Refusal`` for a folder that is not a
    /// previous site, ``StoreError`` (`.storage`) when writing fails (nothing is left half-written).
    /// Returns the paths the replaced site held that this build does not write (files someone added
    /// by hand, such as `CNAME`, or an older layout's): they are gone, and the caller says so.
    /// Working folders a killed build left beside `folder` are removed first (``StaleBuilds``).
    @discardableResult
    public static func write(_ files: [String: [UInt8]], to folder: String) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw Refusal("\(folder) is a file, not a folder: give --out a folder") }
            let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            guard entries.isEmpty || entries.contains(marker) else {
                throw Refusal(
                    "\(folder) is not empty and is not a site veta built (no \(marker) in it): it was left as it was; give --out a new or empty folder"
                )
            }
        }
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let temporary = parent + "/.\(name).veta-build-\(getpid())"
        let old = parent + "/.\(name).veta-old-\(getpid())"
        StaleBuilds.remove(beside: parent, name: name)
        try? manager.removeItem(atPath: temporary)
        var all = files
        all[marker] = Array(markerText.utf8)
        let dropped = exists ? StaleBuilds.files(under: folder).filter { all[$0] == nil } : []
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            // The marker first: a build killed at any later point leaves a folder the next one knows as its own.
            guard manager.createFile(atPath: temporary + "/" + marker, contents: Data(markerText.utf8)) else {
                throw StoreError(.storage, "cannot write \(temporary)/\(marker)")
            }
            for path in all.keys.sorted() {
                guard !path.split(separator: "/").contains(where: { $0 == ".." || $0.isEmpty }), !path.hasPrefix("/") else {
                    throw StoreError(.storage, "refusing to write \(path) outside the site")
                }
                let target = temporary + "/" + path
                try manager.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard manager.createFile(atPath: target, contents: Data(all[path] ?? [])) else {
                    throw StoreError(.storage, "cannot write \(target)")
                }
            }
            if exists {
                try manager.moveItem(atPath: folder, toPath: old)
                do {
                    try manager.moveItem(atPath: temporary, toPath: folder)
                } catch {
                    try? manager.moveItem(atPath: old, toPath: folder)
                    throw error
                }
                try? manager.removeItem(atPath: old)
            } else {
                try manager.moveItem(atPath: temporary, toPath: folder)
            }
            return dropped
        } catch let error as StoreError {
            try? manager.removeItem(atPath: temporary)
            throw error
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw StoreError(.storage, "cannot write the site to \(folder): \(error.localizedDescription)")
        }
    }
}
