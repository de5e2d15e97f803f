/// A programming language the scanner understands, identified by file extension.
package enum SourceLanguage: String, Sendable, CaseIterable {
    /// TypeScript and JavaScript (`.ts`, `.tsx`, `.js`, `.jsx`, `.mjs`, `.cjs`, `.mts`, `.cts`).
    case javascript
    /// Python (`.py`).
    case python
    /// Go (`.go`).
    case go
    /// Java (`.java`).
    case java
    /// Kotlin (`.kt`, `.kts`).
    case kotlin
    /// Ruby (`.rb`).
    case ruby
    /// Swift (`.swift`).
    case swift

    /// The language of a file name, or nil when the scanner does not read such files.
    package init?(fileName: String) {
        guard let dot = fileName.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let ext = fileName.utf8[fileName.utf8.index(after: dot)...]
        switch Substring(ext) {
        case "ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts": self = .javascript
        case "py": self = .python
        case "go": self = .go
        case "java": self = .java
        case "kt", "kts": self = .kotlin
        case "rb": self = .ruby
        case "swift": self = .swift
        default: return nil
        }
    }

    /// How comments and strings are written in the language.
    var syntax: CommentSyntax {
        switch self {
        case .javascript, .go, .java, .kotlin, .swift: .cFamily
        case .python: .python
        case .ruby: .ruby
        }
    }

    /// Comment and string conventions that matter for masking.
    enum CommentSyntax {
        /// `//` and `/* */` comments; `"`, `'`, backtick strings; `"""` blocks.
        case cFamily
        /// `#` comments; `'`, `"`, `'''`, `"""` strings.
        case python
        /// `#` comments and `=begin`/`=end`; `'` and `"` strings.
        case ruby
    }
}
