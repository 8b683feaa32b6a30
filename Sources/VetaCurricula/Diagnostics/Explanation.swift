/// A finding in plain words: what is wrong and, when more specific than the check's, how to fix it.
struct Explanation: Hashable {
    var message: String
    var fix: String?

    init(_ message: String, fix: String? = nil) {
        self.message = message
        self.fix = fix
    }
}
