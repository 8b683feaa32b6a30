extension CalendarDate {
    /// Why `text` is not a date, in plain words: not written `YYYY-MM-DD`, or written so but no
    /// real calendar day (`2026-02-29`, `2026-13-01`). `field` names the value ("date").
    public static func problem(with text: String, field: String = "date") -> String {
        let bytes = Array(text.utf8)
        let shaped =
            bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }
        return shaped
            ? "\(field) \(text) is not a real calendar date (written YYYY-MM-DD, but no such day)"
            : "\(field) \(text) is not YYYY-MM-DD"
    }
}
