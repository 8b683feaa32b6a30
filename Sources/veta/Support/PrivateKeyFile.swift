import Foundation
import VetaProgress

/// Reads a private key file given on the command line, refusing one that others may read.
///
/// A key whose mode grants any group or other permission is refused (exit 1) with the `chmod` that
/// fixes it; the key itself is never read in that case.
func readPrivateKey(_ path: String) throws -> SigningKey {
    var info = stat()
    guard stat(path, &info) == 0 else {
        throw StoreError(.storage, "cannot read the private key \(path): \(String(cString: strerror(errno)))")
    }
    // A folder or a device is no key file: the path is wrong (I/O, exit 2), not the data in it.
    if info.st_mode & S_IFMT == S_IFDIR {
        throw StoreError(
            .storage,
            "cannot read the private key \(path): it is a folder; give the key file in it (veta keys generate writes NAME.private.jwk)")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
        throw StoreError(.storage, "cannot read the private key \(path): it is not a regular file")
    }
    // A public key given by mistake is named as such first: asking to chmod it would be the wrong fix.
    if info.st_size < 65_536, let data = FileManager.default.contents(atPath: path),
        let jwk = try? JSONSerialization.jsonObject(with: data) as? [String: Any], jwk["x"] != nil, jwk["d"] == nil
    {
        throw Refusal(
            "\(path) holds a public key; --key takes the private key (the .private.jwk file `veta keys generate` wrote beside it)")
    }
    guard info.st_mode & 0o077 == 0 else {
        throw Refusal(
            "\(path) can be read by other users (mode \(String(info.st_mode & 0o777, radix: 8))); run: chmod 600 \(path)")
    }
    return try SigningKey.read(fromFile: path)
}
