public import Foundation

/// How `veta serve` maps a request path onto the files of a built site.
///
/// Pure functions, so the rules are tested without a server: a path is percent-decoded once, split
/// on `/`, and refused when a segment is `.` or `..`, empty inside the path, or holds a NUL or a
/// backslash; a path that names a folder serves its `index.html`; and a file is served only when
/// its real path (symbolic links resolved) stays inside the site's real root.
public enum SiteFiles {
    /// The marker `veta site build` leaves at a site's root (`SiteWriter.marker`); never served.
    static let marker = ".veta-site"

    /// The content type for a file name, by extension; `application/octet-stream` for any other.
    public static func contentType(for name: String) -> String {
        let ext = name.split(separator: ".", omittingEmptySubsequences: false).last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "json": return "application/json"
        case "jsonld": return "application/ld+json"
        case "jwt": return "application/jwt"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "css": return "text/css; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "pdf": return "application/pdf"
        case "xml": return "application/xml"
        default: return "application/octet-stream"
        }
    }

    /// The relative segments a request path names, or nil when the path is refused (traversal,
    /// bad encoding, control characters). `/` gives `[]`; a trailing `/` keeps a final empty segment
    /// out (the caller adds `index.html` for folders).
    public static func segments(ofRequestPath rawPath: String) -> [String]? {
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/"), let decoded = path.removingPercentEncoding else { return nil }
        var parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if parts.last == "" { parts.removeLast() }
        for part in parts {
            if part.isEmpty || part == "." || part == ".." { return nil }
            if part.contains("\\") || part.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        }
        return parts
    }

    /// What a request path leads to.
    public enum Target: Hashable, Sendable {
        /// A file inside the site.
        case file(URL)
        /// A folder named without its trailing `/`: redirect there, so its page's relative links work.
        case folder(redirectTo: String)
    }

    /// What to serve for `rawPath` under `root`, or nil (404).
    public static func target(forRequestPath rawPath: String, root: URL) -> Target? {
        guard let file = file(forRequestPath: rawPath, root: root) else { return nil }
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        if !path.hasSuffix("/"), file.lastPathComponent == "index.html", !path.hasSuffix("index.html") {
            return .folder(redirectTo: path + "/")
        }
        return .file(file)
    }

    /// The file to serve for `rawPath` under `root`, or nil (404): a folder gives its `index.html`,
    /// and nothing outside `root` is ever returned, even through a symbolic link.
    public static func file(forRequestPath rawPath: String, root: URL) -> URL? {
        guard let parts = segments(ofRequestPath: rawPath) else { return nil }
        // The build's marker file is Veta's bookkeeping, not part of the site.
        guard !parts.contains(marker) else { return nil }
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let namesFolder = path.hasSuffix("/") && !parts.isEmpty
        let realRoot = root.resolvingSymlinksInPath().standardizedFileURL
        var url = parts.reduce(realRoot) { $0.appendingPathComponent($1) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        // A file named as a folder (badge.png/) is not found, as on a static web host.
        if namesFolder, !isFolder.boolValue { return nil }
        if isFolder.boolValue {
            url = url.appendingPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        }
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        let prefix = realRoot.path.hasSuffix("/") ? realRoot.path : realRoot.path + "/"
        guard real.hasPrefix(prefix) else { return nil }
        return URL(fileURLWithPath: real)
    }
}
