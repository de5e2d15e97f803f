#if canImport(OrderedCollections)
    import OrderedCollections
#endif

/// An ordered JSON object: insertion order is kept, keys are unique, and a re-set key keeps its position (what
/// `JSON.parse` does with a duplicate key: first position, last value).
///
/// Members live in swift-collections' `OrderedDictionary`, so a lookup or an insert is a hash probe, not a scan:
/// building an object is linear in its size (a 50 000-key state file used to take seconds per read).
package struct JSONObject: Equatable, Sendable {
    private var storage: OrderedDictionary<String, JSONValue> = [:]

    /// An empty object.
    package init() {}

    /// An object with the given members in order; a repeated key keeps its first position and its last value.
    package init(_ pairs: [(String, JSONValue)]) {
        storage.reserveCapacity(pairs.count)
        for (key, value) in pairs { storage[key] = value }
    }

    /// The keys in order.
    package var keys: [String] { Array(storage.keys) }

    /// The number of members.
    package var count: Int { storage.count }

    /// Whether the object has no members.
    package var isEmpty: Bool { storage.isEmpty }

    /// Reads a member; setting an existing key replaces it in place, a new key is appended, `nil` removes it.
    package subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// Removes a member and returns its value.
    @discardableResult
    package mutating func removeValue(forKey key: String) -> JSONValue? {
        storage.removeValue(forKey: key)
    }

    /// Reserves room for `count` members (the parser does not know the size up front, but callers building big
    /// objects may).
    package mutating func reserveCapacity(_ count: Int) {
        storage.reserveCapacity(count)
    }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage == rhs.storage
    }
}

extension JSONObject: Sequence {
    /// The members in order (a wrapper, so that callers need not import OrderedCollections).
    package struct Iterator: IteratorProtocol {
        fileprivate var base: OrderedDictionary<String, JSONValue>.Iterator

        package mutating func next() -> (key: String, value: JSONValue)? {
            base.next()
        }
    }

    package func makeIterator() -> Iterator {
        Iterator(base: storage.makeIterator())
    }

    package var underestimatedCount: Int { storage.count }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
