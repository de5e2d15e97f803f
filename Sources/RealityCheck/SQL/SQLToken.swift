/// One lexical token of SQL text.
package struct SQLToken: Sendable, Equatable {
    /// What a token is.
    package enum Kind: Sendable, Equatable {
        /// An unquoted word: keyword or identifier.
        case word
        /// A quoted identifier (`"x"`, `` `x` ``, `[x]`); `text` holds the name without quotes.
        case quoted
        /// A string literal, including dollar-quoted bodies.
        case string
        /// A number.
        case number
        /// A placeholder (`?`, `$1`, `:name`, `@name`, `%s`).
        case placeholder
        /// Any other character or operator.
        case symbol
    }

    /// The kind of token.
    package var kind: Kind
    /// The token's text (quoted identifiers without their quotes).
    package var text: String
    /// 0-based line offset within the scanned text.
    package var line: Int

    /// The lowercased text of a word or quoted identifier.
    package var name: String { text.lowercased() }

    /// True for an unquoted word equal to the lowercase `keyword`, ignoring case.
    package func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.count == keyword.count && text.lowercased() == keyword
    }

    /// True for a word or quoted identifier.
    package var isIdentifier: Bool { kind == .word || kind == .quoted }
}
