/// Types local variables are made from in one test file: `s = Sponge.new`, `let(:story_image) { StoryImage.new }`,
/// `res = double("Net::HTTPSuccess")`, `const repo = new OrderRepository()`, `client = GitHubClient(token)`.
/// One pass over the lines; only capitalised type names are kept.
enum LocalTypes {
    /// The type `name` is bound to, from the first line that binds it (`name =`, `let(:name)`); nil when none.
    /// Scans the masked bytes for the name at identifier boundaries and decodes only the candidate lines.
    static func type(of name: String, in source: SourceText) -> String? {
        let masked = source.masked
        let needle = Array(name.utf8)
        guard let first = needle.first, !needle.isEmpty else { return nil }
        var index = 0
        while index + needle.count <= masked.count {
            guard masked[index] == first, index == 0 || !masked[index - 1].isIdentifierByte,
                index + needle.count == masked.count || !masked[index + needle.count].isIdentifierByte,
                masked[index..<(index + needle.count)].elementsEqual(needle)
            else {
                index += 1
                continue
            }
            let after = source.skipWhitespace(from: index + needle.count)
            let binds =
                after < masked.count
                && ((masked[after] == UInt8(ascii: "=") && after + 1 < masked.count
                    && masked[after + 1] != UInt8(ascii: "=")
                    && masked[after + 1] != UInt8(ascii: ">"))
                    || masked[after] == UInt8(ascii: ")") || masked[after] == UInt8(ascii: ":"))
            if binds {
                var lineStart = index
                while lineStart > 0, masked[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
                var lineEnd = index
                while lineEnd < masked.count, masked[lineEnd] != UInt8(ascii: "\n"), lineEnd - lineStart < 300 {
                    lineEnd += 1
                }
                if let (bound, type) = binding(String(decoding: source.bytes[lineStart..<lineEnd], as: UTF8.self)),
                    bound == name
                {
                    return type
                }
            }
            index += needle.count
        }
        return nil
    }

    private static func binding(_ line: String) -> (String, String)? {
        var text = line.trimmingSpaces()
        var name: String
        if text.hasPrefix("let(:") || text.hasPrefix("let!(:") {
            let afterColon = text.drop { $0 != ":" }.dropFirst()
            name = String(afterColon.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard let brace = text.firstIndex(of: "{") else { return nil }
            text = String(text[text.index(after: brace)...]).trimmingSpaces()
        } else {
            guard let equals = text.firstIndex(of: "=") else { return nil }
            let next = text.index(after: equals)
            guard next < text.endIndex, text[next] != "=", text[next] != ">", equals > text.startIndex,
                !"!<>=+-*/".contains(text[text.index(before: equals)])
            else { return nil }
            var left = String(text[..<equals]).trimmingSpaces()
            if left.hasSuffix(":") { left = String(left.dropLast()) }
            if let colon = left.firstIndex(of: ":") { left = String(left[..<colon]).trimmingSpaces() }
            name = String(
                left.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }).last ?? "")
            text = String(text[next...]).trimmingSpaces()
        }
        guard !name.isEmpty else { return nil }
        for prefix in ["await ", "new ", "instance_double(", "class_double(", "double(", "instance_spy(", "spy("]
        where text.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingSpaces()
        }
        if let quote = text.first, quote == "\"" || quote == "'" { text = String(text.dropFirst()) }
        let type = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" || $0 == "." })
        let cleaned = type.hasSuffix(".new") ? String(type.dropLast(4)) : type
        guard let first = cleaned.first, first.isUppercase, cleaned.count > 1,
            TargetClassifier.camelWords(cleaned).allSatisfy({ !MockMatcher.doubleWords.contains($0) })
        else { return nil }
        let rest = text.dropFirst(type.count)
        guard
            type.hasSuffix(".new") || rest.hasPrefix("(") || rest.hasPrefix("\"") || rest.hasPrefix("'")
                || rest.hasPrefix(",") || rest.hasPrefix(")") || rest.hasPrefix(" }")
        else { return nil }
        return (name, cleaned.hasSuffix(".") ? String(cleaned.dropLast()) : cleaned)
    }
}
