import ArgumentParser

/// A `keys generate --name` value: a plain file name, so the key files stay inside `--out`.
///
/// Letters, digits, `-`, `_` and `.`, 1–64 characters, not starting with `.`: no `/`, no `..`, no
/// hidden files. Anything else is a usage error: exit 64.
struct KeyName: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The name as given.
    let description: String

    init?(argument: String) {
        let bytes = Array(argument.utf8)
        guard (1...64).contains(bytes.count), bytes[0] != UInt8(ascii: "."),
            bytes.allSatisfy({ byte in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            })
        else { return nil }
        description = argument
    }
}
