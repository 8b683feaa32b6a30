/// A record revocation received from the centre.
///
/// A site applies it (copies it into its log, as a revocation of its own would be written) when it
/// revokes a record this site issued: the revocation's serial names an issue entry here with the same
/// artifact sha256 (`attachmentSHA256`), trainee and curriculum. The sha256 is what ties the two:
/// serials are counted per store, so the centre's own `VETA-2026-000001` is never taken for the
/// site's. Then `veta verify` says revoked, `site build` sets the status bit and `veta store rebuild`
/// agrees, since the record registry reads revocations from the log. A record already revoked here
/// is `same`; any other revocation (the centre's own records, one without a sha256) is kept, not applied.
extension SyncPlan {
    func revocationState(_ entry: LedgerEntry) async throws -> (SyncReceipt.State, (text: String, local: Int64?)) {
        let site = sender.site
        guard me.role == .site, sender.role == .centre, let serial = entry.record?.serial, let sha256 = entry.attachmentSHA256,
            let ledger = service.store as? any RecordLedger
        else { return (.kept, ("a revocation entry of \(site) is kept here, not applied", nil)) }
        let here = try await ledger.recordEntries([.issue, .revocation], serial: serial)
        guard
            let issue = here.first(where: { $0.kind == .issue }), issue.attachmentSHA256 == sha256, issue.trainee == entry.trainee,
            issue.curriculum == entry.curriculum
        else {
            return (.kept, ("\(site) revokes \(serial), which is not a record issued here: kept, not applied", nil))
        }
        if let revoked = here.first(where: { $0.kind == .revocation }) { return (.same, ("", revoked.sequence)) }
        return (.copied, ("", nil))
    }
}
