/// What a database engine said about one statement.
package enum SQLVerdict: Sendable, Equatable {
    /// Prepared: the statement is valid against the schema; these are the result columns (empty for writes).
    case accepted(columns: [String])
    /// The engine does not know this table or view.
    case unknownTable(String)
    /// The engine does not know this column.
    case unknownColumn(String)
    /// The engine rejected the statement for another reason it is sure of (the message).
    case rejected(String)
    /// The engine could not judge (dialect, unparseable fragment, missing function): the message.
    case notChecked(String)
}
