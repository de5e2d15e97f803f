/// One SQL statement to judge: from a mock expectation or from production code that runs through a mocked client.
package struct SQLItem: Sendable, Equatable {
    /// Repository-relative file.
    package var file: String
    /// 1-based line.
    package var line: Int
    /// The statement as the code means it; nil when the mock only names returned columns.
    package var statement: String?
    /// Columns the mock returns for this statement.
    package var returnedColumns: [String]

    /// Creates an item.
    package init(file: String, line: Int, statement: String?, returnedColumns: [String] = []) {
        self.file = file
        self.line = line
        self.statement = statement
        self.returnedColumns = returnedColumns
    }
}
