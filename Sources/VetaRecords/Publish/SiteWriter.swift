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
    public static func write(_ files: [String: [UInt8]], to folder: String) throws {
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
        try? manager.removeItem(atPath: temporary)
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            var all = files
            all[marker] = Array(markerText.utf8)
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
        } catch let error as StoreError {
            try? manager.removeItem(atPath: temporary)
            throw error
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw StoreError(.storage, "cannot write the site to \(folder): \(error.localizedDescription)")
        }
    }
}
