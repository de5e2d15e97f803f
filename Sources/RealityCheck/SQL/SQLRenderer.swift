import Foundation

/// Turns tokens back into SQL text, optionally rewriting dialect details for the embedded engine.
package enum SQLRenderer {
    /// SQL text for `tokens`: quoted identifiers in double quotes, strings in single quotes.
    package static func render(_ tokens: some Collection<SQLToken>) -> String {
        var out = ""
        var previous: SQLToken?
        for token in tokens {
            if let previous, needsSpace(between: previous, and: token) { out += " " }
            switch token.kind {
            case .quoted: out += "\"" + token.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            case .string: out += "'" + token.text.replacingOccurrences(of: "'", with: "''") + "'"
            default: out += token.text
            }
            previous = token
        }
        return out
    }

    private static func needsSpace(between left: SQLToken, and right: SQLToken) -> Bool {
        if left.kind == .symbol, left.text == "." || left.text == "(" || left.text == "::" { return false }
        if right.kind == .symbol, right.text == "." || right.text == ")" || right.text == "," || right.text == "::" {
            return false
        }
        return true
    }

    /// A quoted SQL identifier.
    package static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
