public import Foundation

/// Where the embedded store lives when no `--store` is given: `$VETA_STORE`, else
/// `$XDG_DATA_HOME/veta/veta.sqlite`, else `~/.local/share/veta/veta.sqlite`.
public enum StoreLocation {
    /// The store path for this environment.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["VETA_STORE"], !path.isEmpty { return path }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return dataHome + "/veta/veta.sqlite"
    }
}
