/// A list the JSON model leaves out when it is empty, and reads as empty when it is missing: a part
/// that schema 1.1 added (performance requirements, knowledge points), so a 1.0 unit encodes as it
/// always did. Synthesised `Codable` uses the two container methods below for a wrapped property.
@propertyWrapper
public struct OmittedWhenEmpty<Element: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The list.
    public var wrappedValue: [Element]

    /// Wraps `wrappedValue`.
    public init(wrappedValue: [Element]) { self.wrappedValue = wrappedValue }

    /// Decodes the list itself (a missing key is handled by the container method below).
    public init(from decoder: any Decoder) throws { wrappedValue = try [Element](from: decoder) }

    /// Encodes the list itself.
    public func encode(to encoder: any Encoder) throws { try wrappedValue.encode(to: encoder) }
}

extension KeyedDecodingContainer {
    /// A missing key is an empty list.
    func decode<Element>(_ type: OmittedWhenEmpty<Element>.Type, forKey key: Key) throws -> OmittedWhenEmpty<Element> {
        OmittedWhenEmpty(wrappedValue: try decodeIfPresent([Element].self, forKey: key) ?? [])
    }
}

extension KeyedEncodingContainer {
    /// An empty list is left out.
    mutating func encode<Element>(_ value: OmittedWhenEmpty<Element>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}
