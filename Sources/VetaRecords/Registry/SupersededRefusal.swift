import VetaProgress

/// The refusal to re-issue (or supersede again) a record that is already superseded: it names the
/// serial asked about, its own successor (the new record of the same format) when that is known,
/// and every record issued in its place, separated by ", ".
enum SupersededRefusal {
    /// The serials a supersession entry names (stored separated by spaces).
    static func successors(_ entry: LedgerEntry) -> [String] {
        (entry.record?.supersededBy ?? "").split(separator: " ").map(String.init)
    }

    /// "`serial` is already superseded by A, B (its successor: B); …", `own` being the successor of
    /// the same format as `serial`, if known.
    static func refusal(_ serial: String, by successors: [String], own: String?) -> Refusal {
        let list = successors.isEmpty ? "another record" : successors.joined(separator: ", ")
        let newest = own ?? successors.first
        let ownWords = own.map { successors.count > 1 ? " (its successor: \($0))" : "" } ?? ""
        return Refusal(
            "\(serial) is already superseded by \(list)\(ownWords)"
                + (newest.map { "; re-issue the record in force instead (veta reissue \($0))" } ?? ""))
    }
}
