/// One HTTP header field; lists of them keep their order.
package struct HTTPHeader: Equatable, Sendable {
    /// The field name as sent.
    package var name: String
    /// The field value.
    package var value: String

    /// Creates a header.
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [HTTPHeader] {
    /// The first value whose name matches case-insensitively.
    package func value(for name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}
