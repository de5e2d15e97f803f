import CLibPQ
import Foundation

/// A throwaway PostgreSQL database on a real server: created, migrated with the repository's DDL, used to PREPARE
/// statements (never executed), and dropped on `close()`.
package final class PostgresEngine: SQLEngine {
    package let name: String
    private var connection: OpaquePointer?
    private let serverURL: String
    private let databaseName: String
    private var unappliedTables: Set<String> = []
    private var closed = false

    /// Why a throwaway database could not be set up.
    package struct SetupError: Error, Equatable {
        /// The server's or libpq's message.
        package var message: String
    }

    /// Creates the throwaway database on the server at `url` (a libpq URL or conninfo) and connects to it.
    package init(url: String) throws(SetupError) {
        serverURL = url
        databaseName = "oss_check_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        guard let admin = PostgresEngine.connect(url, database: nil) else {
            throw SetupError(message: "cannot connect to the PostgreSQL server")
        }
        defer { PQfinish(admin) }
        if PQstatus(admin) != CONNECTION_OK { throw SetupError(message: PostgresEngine.errorText(admin)) }
        let version = Int(PQserverVersion(admin))
        name = "postgresql \(version / 10000).\(version % 10000)"
        if let message = PostgresEngine.run(admin, "CREATE DATABASE \(databaseName) TEMPLATE template0") {
            throw SetupError(message: message)
        }
        guard let connection = PostgresEngine.connect(url, database: databaseName),
            PQstatus(connection) == CONNECTION_OK
        else {
            _ = PostgresEngine.run(admin, "DROP DATABASE IF EXISTS \(databaseName)")
            throw SetupError(message: "cannot connect to the throwaway database")
        }
        self.connection = connection
        _ = PostgresEngine.run(connection, "SET statement_timeout = '5s'")
        _ = PostgresEngine.run(connection, "SET client_min_messages = error")
    }

    deinit { close() }

    /// Runs the DDL in order; a failing statement is skipped and its table marked as not judgeable.
    package func apply(_ schema: Schema) {
        guard let connection else { return }
        for statement in schema.postgresDDL {
            if PostgresEngine.run(connection, statement.sql) != nil {
                for operation in SQLSchemaParser.operations(statement: statement.sql, file: statement.file, line: 0) {
                    if case .createTable(let table, _) = operation.action { unappliedTables.insert(table.lowercased()) }
                    if case .createView(let table, _) = operation.action { unappliedTables.insert(table.lowercased()) }
                }
            }
        }
    }

    package func prepare(_ statement: String) -> SQLVerdict {
        guard let connection else { return .notChecked("the PostgreSQL connection is closed") }
        let text = SQLStatementText.forPostgres(statement)
        guard let result = PQprepare(connection, "", text, 0, nil) else {
            return .notChecked("PostgreSQL: " + PostgresEngine.errorText(connection))
        }
        defer { PQclear(result) }
        if PQresultStatus(result) == PGRES_COMMAND_OK {
            guard let described = PQdescribePrepared(connection, "") else { return .accepted(columns: []) }
            defer { PQclear(described) }
            let columns = (0..<PQnfields(described)).compactMap { index in
                PQfname(described, index).map { String(cString: $0) }
            }
            return .accepted(columns: columns)
        }
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? ""
        switch state {
        case "42P01":  // undefined_table
            let table = PostgresEngine.quotedName(in: message) ?? message
            let bare = table.split(separator: ".").last.map(String.init) ?? table
            if unappliedTables.contains(bare.lowercased()) {
                return .notChecked("the schema declares \(bare) but PostgreSQL could not create it")
            }
            return .unknownTable(bare)
        case "42703":  // undefined_column
            return .unknownColumn(PostgresEngine.quotedName(in: message) ?? message)
        case "42702", "42803", "42P10":  // ambiguous column, grouping error, invalid column reference
            return .rejected(message)
        default:
            return .notChecked("PostgreSQL: " + message)
        }
    }

    package func close() {
        guard !closed else { return }
        closed = true
        if let connection { PQfinish(connection) }
        connection = nil
        if let admin = PostgresEngine.connect(serverURL, database: nil) {
            if PQstatus(admin) == CONNECTION_OK {
                if PostgresEngine.run(admin, "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)") != nil {
                    _ = PostgresEngine.run(admin, "DROP DATABASE IF EXISTS \(databaseName)")
                }
            }
            PQfinish(admin)
        }
    }

    /// Connects with a 5-second timeout, overriding the database name when given.
    private static func connect(_ url: String, database: String?) -> OpaquePointer? {
        var keywords = ["dbname", "connect_timeout"]
        var values = [url, "5"]
        if let database {
            keywords.append("dbname")
            values.append(database)
        }
        return withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
    }

    /// Runs a command; nil on success, else the error message.
    private static func run(_ connection: OpaquePointer, _ sql: String) -> String? {
        guard let result = PQexec(connection, sql) else { return errorText(connection) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY { return nil }
        return PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? "error"
    }

    private static func errorText(_ connection: OpaquePointer) -> String {
        PQerrorMessage(connection).map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines)
            ?? "unknown error"
    }

    /// The first `"name"` in a server message.
    private static func quotedName(in message: String) -> String? {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers.map { $0.map { UnsafePointer($0) } })
    }
}
