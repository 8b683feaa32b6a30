/// Collects changes while two curricula are compared, with helpers for the common comparisons.
struct ChangeLog {
    private(set) var changes: [Change] = []

    mutating func append(_ change: Change) {
        changes.append(change)
    }

    /// Compares bilingual text, one change per language. Spanish is a translation, so it is always a
    /// patch; English is the authoritative text, so it takes `englishBump`.
    mutating func text(
        _ old: LocalizedText?, _ new: LocalizedText?, _ subject: Change.Subject, path: String, aspect: String,
        englishBump: Bump
    ) {
        if old?.en != new?.en {
            append(Change(.changed, subject, path: path, aspect: "\(aspect) (en)", old: old?.en, new: new?.en, bump: englishBump))
        }
        if old?.es != new?.es {
            append(Change(.changed, subject, path: path, aspect: "\(aspect) (es)", old: old?.es, new: new?.es, bump: .patch))
        }
    }

    /// Compares a number: `raised` is the bump when it goes up, `lowered` when it goes down.
    mutating func number(
        _ old: Int?, _ new: Int?, _ subject: Change.Subject, path: String, aspect: String, raised: Bump, lowered: Bump
    ) {
        guard old != new else { return }
        let bump = (old ?? Int.max) < (new ?? Int.max) ? raised : lowered
        append(Change(.changed, subject, path: path, aspect: aspect, old: old.map(String.init), new: new.map(String.init), bump: bump))
    }

    /// Records keys only in `old` as removed and keys only in `new` as added, in their own order,
    /// and calls `both` for keys in both.
    mutating func match<Item, Key: Hashable>(
        _ old: [Item], _ new: [Item], key: (Item) -> Key, subject: Change.Subject, path: (Key) -> String,
        removed: Bump, added: Bump, both: (inout ChangeLog, Item, Item) -> Void = { _, _, _ in }
    ) {
        let oldByKey = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map(key))
        for item in old where !newKeys.contains(key(item)) {
            append(Change(.removed, subject, path: path(key(item)), bump: removed))
        }
        for item in new {
            if let before = oldByKey[key(item)] {
                both(&self, before, item)
            } else {
                append(Change(.added, subject, path: path(key(item)), bump: added))
            }
        }
    }
}
