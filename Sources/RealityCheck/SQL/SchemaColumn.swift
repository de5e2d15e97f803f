/// A column as a schema source declares it.
package struct SchemaColumn: Sendable, Equatable {
    /// The column name as declared (case kept).
    package var name: String
    /// The declared type in a portable spelling (`integer`, `text`, `boolean`, …), nil when unknown.
    package var type: String?

    /// Creates a column.
    package init(name: String, type: String? = nil) {
        self.name = name
        self.type = type
    }
}
