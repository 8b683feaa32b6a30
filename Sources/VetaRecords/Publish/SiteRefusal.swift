import VetaProgress

/// Why `veta site build` publishes nothing.
enum SiteRefusal {
    /// Records the store judges NOT VALID, no longer backed by evidence since a correction voided
    /// what they rested on, that are neither revoked nor superseded: the site would say VALID (on
    /// the page, in `records/sha256/`, and by a clear bit in the status list) for each. One line per
    /// record (`SERIAL (TRAINEE, CURRICULUM[ UNIT]): no longer backed by evidence: …`), and the fix.
    static func unbacked(_ records: [String]) -> Refusal {
        let serials = records.map { String($0.prefix { $0 != " " }) }
        let example = serials.first ?? "SERIAL"
        return Refusal(
            "\(records.count == 1 ? "a record is" : "\(records.count) records are") no longer backed by evidence and would be published as VALID; nothing was written",
            reasons: records
                + [
                    "revoke each one (veta revoke \(example) --reason \"...\"), or, once the trainee is competent again, re-issue it "
                        + "(veta reissue \(example) --key ... --out ...); then build the site again"
                ])
    }
}
