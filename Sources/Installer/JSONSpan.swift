/// Where one JSON value sits in a document's bytes, with the spans of its members or elements.
///
/// The settings editor splices text at these offsets, so everything it does not touch keeps its exact bytes
/// (indentation, number spelling, escapes).
struct JSONSpan {
    /// What kind of container (or scalar) the value is.
    enum Kind {
        case object
        case array
        case scalar
    }

    /// One object member: its key and the spans of the key's opening quote and of its value.
    struct Member {
        var key: String
        var keyStart: Int
        var value: JSONSpan
    }

    var kind: Kind
    /// Offset of the first byte of the value (`{`, `[`, `"`, digit, …).
    var start: Int
    /// Offset just past the last byte of the value.
    var end: Int
    /// The members, in order, when this is an object.
    var members: [Member] = []
    /// The elements, in order, when this is an array.
    var elements: [JSONSpan] = []

    /// The member named `key`, if this is an object holding one.
    func member(_ key: String) -> Member? {
        members.first { $0.key == key }
    }
}
