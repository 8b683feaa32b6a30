import ArgumentParser

/// What `veta reissue` did: the records issued (each superseding an older one) and, with
/// --compromised, the records it could not re-issue and why. Printed as lines, or with
/// `--format json` as one document `{"issued": [...], "notReissued": [...]}` that carries the
/// `error` object when a record was not re-issued (exit 1).
struct ReissueReport: Encodable {
    /// One record issued.
    struct Issued: Encodable {
        let serial: String
        let format: String
        /// The serial of the record it supersedes.
        let supersedes: String
        let path: String
    }

    /// A record --compromised could not re-issue.
    struct NotReissued: Encodable {
        let serial: String
        let message: String
    }

    var issued: [Issued] = []
    var notReissued: [NotReissued] = []

    /// Adds records issued; as text, prints them at once (a later failure does not hide them).
    mutating func add(_ items: [Issued], json: Bool) {
        issued += items
        guard !json else { return }
        for item in items { Terminal.out("issued \(item.serial) (\(item.format)), superseding \(item.supersedes): \(item.path)\n") }
    }

    /// Ends the report (as JSON, the whole document); throws exit 1 when a record was not re-issued (the others were).
    func finish(json: Bool, compromised: Bool = false) throws {
        let failure =
            notReissued.isEmpty
            ? nil : (code: "refused", message: "\(notReissued.count) record(s) not re-issued; \(issued.count) record(s) issued")
        if json {
            try printJSON(self, failure: failure)
        } else if compromised, issued.isEmpty, notReissued.isEmpty {
            Terminal.out("no standing record is signed with a key retired as compromised\n")
        }
        for item in notReissued { Terminal.err("veta: not re-issued: \(item.serial): \(item.message)\n") }
        if failure != nil { throw ExitCode(1) }
    }
}
