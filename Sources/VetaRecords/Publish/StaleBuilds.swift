import Foundation

/// The working folders `veta site build` leaves beside `--out` when it is killed mid-build:
/// `.NAME.veta-build-PID` (the new site being written) and `.NAME.veta-old-PID` (the site being
/// replaced). The next build removes them, but only Veta's own: the name has that form, the
/// process that made it is gone, and the folder holds the site marker (``SiteWriter/marker``) or
/// nothing at all.
enum StaleBuilds {
    /// Removes the stale working folders of the site `name` in `parent`.
    static func remove(beside parent: String, name: String) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries {
            guard let pid = pid(of: entry, name: name), pid != getpid(), !isRunning(pid) else { continue }
            let path = parent + "/" + entry
            let inside = (try? manager.contentsOfDirectory(atPath: path)) ?? ["?"]
            guard inside.isEmpty || inside.contains(SiteWriter.marker) else { continue }
            try? manager.removeItem(atPath: path)
        }
    }

    /// The process id in a working folder's name, or nil when `entry` is not one of `name`'s.
    static func pid(of entry: String, name: String) -> pid_t? {
        for kind in ["veta-build-", "veta-old-"] {
            let prefix = ".\(name).\(kind)"
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            return pid_t(digits)
        }
        return nil
    }

    /// Whether a process with this id exists (signal 0 probes without sending anything).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Every file under `folder`, as a path relative to it, sorted.
    static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
