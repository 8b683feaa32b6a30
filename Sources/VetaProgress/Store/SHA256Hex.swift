import Crypto

/// Lowercase hex sha256, the form Veta stores and prints.
public enum SHA256Hex {
    /// The sha256 of `bytes`.
    public static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).hexString
    }
}
