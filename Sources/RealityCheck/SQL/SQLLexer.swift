/// Splits SQL text into tokens and statements, honouring quotes, dollar quoting and comments.
package enum SQLLexer {
    /// The tokens of `text` (comments dropped).
    package static func tokens(_ text: String) -> [SQLToken] {
        var scanner = Scanner(Array(text.unicodeScalars))
        return scanner.run()
    }

    /// The statements of a script, split at top-level `;`, each with its 0-based starting line.
    package static func statements(_ text: String) -> [(sql: String, line: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(String, Int)] = []
        var scanner = Scanner(scalars)
        var start = 0
        var startLine = 0
        var sawContent = false
        while let kind = scanner.next() {
            if kind == .symbol, scanner.lastText == ";" {
                let body = String(String.UnicodeScalarView(scalars[start..<(scanner.position - 1)]))
                if sawContent { result.append((body, startLine)) }
                start = scanner.position
                sawContent = false
                continue
            }
            if !sawContent {
                sawContent = true
                startLine = scanner.lastLine
                start = scanner.lastStart
            }
        }
        if sawContent {
            result.append((String(String.UnicodeScalarView(scalars[start...])), startLine))
        }
        return result
    }

    /// A cursor over unicode scalars.
    private struct Scanner {
        let input: [Unicode.Scalar]
        var position = 0
        var line = 0
        var lastText = ""
        var lastLine = 0
        var lastStart = 0

        init(_ input: [Unicode.Scalar]) { self.input = input }

        mutating func run() -> [SQLToken] {
            var tokens: [SQLToken] = []
            while let kind = next() { tokens.append(SQLToken(kind: kind, text: lastText, line: lastLine)) }
            return tokens
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < input.count ? input[position + offset] : nil
        }

        mutating func advance() {
            if input[position] == "\n" { line += 1 }
            position += 1
        }

        /// Scans the next token; nil at the end.
        mutating func next() -> SQLToken.Kind? {
            skipTrivia()
            guard let c = peek() else { return nil }
            lastLine = line
            lastStart = position
            if c == "'" { return quoted(until: "'", kind: .string) }
            if c == "\"" { return quoted(until: "\"", kind: .quoted) }
            if c == "`" { return quoted(until: "`", kind: .quoted) }
            if c == "$", let tag = dollarTag() { return dollarString(tag: tag) }
            if c == "$" || c == "?" || c == ":" || c == "@" || c == "%" {
                if let placeholder = placeholder(c) { return placeholder }
            }
            if isWordStart(c) {
                var text = ""
                while let d = peek(), isWordPart(d) {
                    text.unicodeScalars.append(d)
                    advance()
                }
                lastText = text
                return .word
            }
            if c.properties.numericType != nil || ("0"..."9").contains(c) {
                var text = ""
                while let d = peek(), ("0"..."9").contains(d) || d == "." || d == "e" || d == "E" {
                    text.unicodeScalars.append(d)
                    advance()
                }
                lastText = text
                return .number
            }
            advance()
            if c == ":", peek() == ":" {
                advance()
                lastText = "::"
                return .symbol
            }
            lastText = String(c)
            return .symbol
        }

        mutating func skipTrivia() {
            while let c = peek() {
                if c == " " || c == "\t" || c == "\n" || c == "\r" {
                    advance()
                } else if c == "-", peek(1) == "-" {
                    while let d = peek(), d != "\n" { advance() }
                } else if c == "#", peek(1) == " " {  // MySQL comment
                    while let d = peek(), d != "\n" { advance() }
                } else if c == "/", peek(1) == "*" {
                    advance()
                    advance()
                    while let d = peek(), !(d == "*" && peek(1) == "/") { advance() }
                    if peek() != nil {
                        advance()
                        advance()
                    }
                } else {
                    return
                }
            }
        }

        mutating func quoted(until close: Unicode.Scalar, kind: SQLToken.Kind) -> SQLToken.Kind {
            advance()
            var text = ""
            while let c = peek() {
                advance()
                if c == close {
                    if peek() == close {  // doubled quote
                        text.unicodeScalars.append(c)
                        advance()
                        continue
                    }
                    break
                }
                if c == "\\", kind == .string, let escaped = peek() {
                    text.unicodeScalars.append(escaped)
                    advance()
                    continue
                }
                text.unicodeScalars.append(c)
            }
            lastText = text
            return kind
        }

        /// `$tag$` or `$$` at the cursor, or nil.
        func dollarTag() -> String? {
            var offset = 1
            var tag = "$"
            while let c = peek(offset) {
                if c == "$" { return tag + "$" }
                guard isWordPart(c), !("0"..."9").contains(c) || offset > 1 else { return nil }
                tag.unicodeScalars.append(c)
                offset += 1
            }
            return nil
        }

        mutating func dollarString(tag: String) -> SQLToken.Kind {
            let tagScalars = Array(tag.unicodeScalars)
            for _ in tagScalars { advance() }
            var text = ""
            while peek() != nil {
                if Array(input[position..<min(input.count, position + tagScalars.count)]) == tagScalars {
                    for _ in tagScalars { advance() }
                    break
                }
                if let c = peek() { text.unicodeScalars.append(c) }
                advance()
            }
            lastText = text
            return .string
        }

        mutating func placeholder(_ c: Unicode.Scalar) -> SQLToken.Kind? {
            if c == "?" {
                advance()
                var text = "?"
                while let d = peek(), ("0"..."9").contains(d) {
                    text.unicodeScalars.append(d)
                    advance()
                }
                lastText = text
                return .placeholder
            }
            if c == "%", peek(1) == "s" || peek(1) == "d" || peek(1) == "(" {
                advance()
                var text = "%"
                if peek() == "(" {
                    while let d = peek(), d != ")" {
                        text.unicodeScalars.append(d)
                        advance()
                    }
                    if peek() != nil {
                        text += ")"
                        advance()
                    }
                }
                if let d = peek(), d == "s" || d == "d" {
                    text.unicodeScalars.append(d)
                    advance()
                }
                lastText = text
                return .placeholder
            }
            guard let d = peek(1) else { return nil }
            if c == ":", d == ":" { return nil }
            if c == "$", !("0"..."9").contains(d) { return nil }
            guard isWordPart(d) else { return nil }
            advance()
            var text = String(c)
            while let e = peek(), isWordPart(e) {
                text.unicodeScalars.append(e)
                advance()
            }
            lastText = text
            return .placeholder
        }

        func isWordStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic
        }

        func isWordPart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
        }
    }
}
