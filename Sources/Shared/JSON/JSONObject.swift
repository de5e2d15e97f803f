/// An ordered JSON object: insertion order is kept, keys are unique, and a re-set key keeps its position.
package struct JSONObject: Equatable, Sendable {
    private var storage: [(key: String, value: JSONValue)] = []

    /// An empty object.
    package init() {}

    /// An object with the given members in order; a repeated key keeps its first position and its last value.
    package init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in order.
    package var keys: [String] { storage.map(\.key) }

    /// The number of members.
    package var count: Int { storage.count }

    /// Whether the object has no members.
    package var isEmpty: Bool { storage.isEmpty }

    /// Reads a member; setting an existing key replaces it in place, a new key is appended, `nil` removes it.
    package subscript(key: String) -> JSONValue? {
        get { storage.first { $0.key == key }?.value }
        set {
            if let index = storage.firstIndex(where: { $0.key == key }) {
                if let newValue { storage[index].value = newValue } else { storage.remove(at: index) }
            } else if let newValue {
                storage.append((key, newValue))
            }
        }
    }

    /// Removes a member and returns its value.
    @discardableResult
    package mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = storage.firstIndex(where: { $0.key == key }) else { return nil }
        return storage.remove(at: index).value
    }

    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.storage.count == rhs.storage.count
            && zip(lhs.storage, rhs.storage).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONObject: Sequence {
    package func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        storage.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
