extension PublishedCurriculum {
    /// The curriculum `ref` from the bytes a store read, which must be the bytes published: everything
    /// about the curriculum (validity, units, hours) is read from them, so bytes changed outside veta
    /// (their sha256 is not the published `sha256`) are refused, not used. Every engine reads through it.
    package static func stored(_ ref: CurriculumRef, xml: [UInt8], sha256: String) throws -> PublishedCurriculum {
        let published = PublishedCurriculum(ref: ref, xml: xml)
        guard published.sha256 == sha256 else {
            throw Refusal(
                "the stored bytes of \(ref) are not the ones published (their sha256 is \(published.sha256.prefix(12))…, "
                    + "published as \(sha256.prefix(12))…): the store was changed outside veta; run veta ledger verify")
        }
        return published
    }
}
