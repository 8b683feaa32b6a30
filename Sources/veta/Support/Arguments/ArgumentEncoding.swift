import Foundation

/// The check that every command-line argument arrived as UTF-8.
///
/// Swift decodes `argv` replacing bytes that are not UTF-8 with U+FFFD, so a terminal set to
/// Latin-1 would store `Pe\u{FFFD}a` for `Peña` without a word. The raw bytes are checked before
/// parsing instead, and such an argument is a usage error that says what to change.
enum ArgumentEncoding {
    /// A usage message for the first argument that is not valid UTF-8, or `nil` when all are.
    ///
    /// - Parameter arguments: The raw bytes of each argument after the program name.
    static func problem(in arguments: [[UInt8]]) -> String? {
        guard let index = arguments.firstIndex(where: { String(validating: $0, as: UTF8.self) == nil }) else { return nil }
        let text = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self) }
        let argument = text(arguments[index])
        let place: String
        if argument.hasPrefix("-") {
            place = "argument \(index + 1) (\(argument.prefix { $0 != "=" }))"
        } else if index > 0, text(arguments[index - 1]).hasPrefix("-") {
            place = "argument \(index + 1) (the value of \(text(arguments[index - 1])))"
        } else {
            place = "argument \(index + 1)"
        }
        return """
            \(place) is not valid UTF-8: the terminal's encoding is not UTF-8 (Latin-1 or Windows-1252?). \
            Set the terminal to UTF-8, e.g. `export LANG=es_MX.UTF-8`, and type the value again.
            """
    }

    /// The raw bytes of this process's arguments after the program name.
    static func rawArguments() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
    }
}
