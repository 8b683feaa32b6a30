/// One point under a knowledge item's heading (schema 1.1), assessable on its own.
///
/// Evidence names a point by its id (`knowledge:K2a`); evidence naming the item (`knowledge:K2`)
/// covers the heading and every point under it.
public struct KnowledgePoint: Hashable, Sendable, Codable {
    /// The point's id, unique within its unit like the items' ids, e.g. `K2a`.
    public let id: String
    /// What must be known.
    public let text: LocalizedText
    /// Where the `<point>` is.
    public let location: SourceLocation

    /// A point of a knowledge item.
    public init(id: String, text: LocalizedText, location: SourceLocation) {
        self.id = id
        self.text = text
        self.location = location
    }
}

extension Unit {
    /// What evidence may name as knowledge, in document order: each item's id, then its points' ids.
    public var knowledgeIDs: [String] {
        knowledgeEvidence.flatMap { [$0.id] + $0.points.map(\.id) }
    }

    /// The knowledge a trainee must cover, one entry per assessable leaf: a plain item, or each point
    /// of an item with points (the heading alone is not a separate requirement). `item` is the id
    /// of the item the leaf belongs to; evidence naming it covers the leaf too.
    public var knowledgeLeaves: [(id: String, item: String, text: LocalizedText)] {
        var leaves: [(id: String, item: String, text: LocalizedText)] = []
        for item in knowledgeEvidence {
            if item.points.isEmpty {
                leaves.append((id: item.id, item: item.id, text: item.text))
            } else {
                for point in item.points { leaves.append((id: point.id, item: item.id, text: point.text)) }
            }
        }
        return leaves
    }

    /// The text of the item or point with this id, or nil when the unit has none.
    public func knowledgeText(_ id: String) -> LocalizedText? {
        for item in knowledgeEvidence {
            if item.id == id { return item.text }
            if let point = item.points.first(where: { $0.id == id }) { return point.text }
        }
        return nil
    }
}
