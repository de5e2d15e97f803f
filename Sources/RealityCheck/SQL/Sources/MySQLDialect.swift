/// Recognises DDL written for MySQL/MariaDB, which PostgreSQL cannot run as written.
package enum MySQLDialect {
    /// True when the SQL text carries MySQL-only markers.
    package static func detect(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("`") || lower.contains("auto_increment") || lower.contains("engine=")
            || lower.contains("engine =") || lower.contains("unsigned") || lower.contains("tinyint")
    }
}
