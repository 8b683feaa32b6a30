/// Where a schema violation is, copied out of the tree as plain values: the element, its
/// parent, the attribute concerned and the nearby siblings, so that a message can say what
/// comes where without touching libxml2.
struct SchemaErrorSite: Hashable {
    /// A sibling element: its local name and line.
    struct Sibling: Hashable {
        var name: String
        var line: Int
    }

    /// How many siblings are copied on each side: enough to find an element put out of order,
    /// bounded so that a finding costs the same in a file of any size.
    static let siblingLimit = 64

    /// The element as written, with its prefix (`unit`, `v:title`).
    var element: String
    /// The element's local name.
    var localName: String
    /// The element's namespace URI; `nil` when it is in no namespace.
    var namespace: String?
    /// The parent element as written; `nil` for the root.
    var parent: String?
    /// The attribute the finding is about, if any.
    var attribute: String?
    /// The sibling elements after this one, nearest first.
    var following: [Sibling] = []
    /// The sibling elements before this one, nearest first.
    var preceding: [Sibling] = []
}
