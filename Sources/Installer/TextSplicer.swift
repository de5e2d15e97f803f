import Shared

/// Text edits on a JSON document at spans found by `JSONSpanScanner`, formatted like the surrounding text.
struct TextSplicer {
    private(set) var bytes: [UInt8]
    /// One level of indentation as the document uses it (two spaces when it shows none).
    let unit: String

    init(bytes: [UInt8]) {
        self.bytes = bytes
        unit = Self.detectUnit(bytes)
    }

    /// The indentation of the line `offset` starts on, when only blanks precede it there; nil for a one-line text.
    func indent(before offset: Int) -> String? {
        var index = offset
        while index > 0, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
        guard index > 0, bytes[index - 1] == 0x0A else { return nil }
        return String(decoding: bytes[index..<offset], as: UTF8.self)
    }

    /// The parsed value at a span.
    func value(of span: JSONSpan) -> JSONValue? {
        try? JSONValue.parse(bytes: Array(bytes[span.start..<span.end]))
    }

    /// Whether an element of `SessionStart` is a hook group holding the re-apply command.
    func isReapplyGroup(_ span: JSONSpan) -> Bool {
        guard let hooks = value(of: span)?["hooks"]?.arrayValue else { return false }
        return hooks.contains { SettingsEditor.isReapply($0["command"]?.stringValue ?? "") }
    }

    /// Adds `"key": value` as the last member of an object whose own line is indented by `indent`.
    mutating func insertMember(_ key: String, _ value: JSONValue, into object: JSONSpan, indent: String) {
        var quoted = ""
        JSONValue.writeQuoted(key, to: &quoted)
        if let last = object.members.last {
            if let memberIndent = self.indent(before: object.members[0].keyStart) {
                splice(at: last.value.end, "," + "\n" + memberIndent + quoted + ": " + render(value, at: memberIndent))
            } else {
                splice(at: last.value.end, ", " + quoted + ": " + value.compact)
            }
        } else {
            let memberIndent = indent + unit
            replace(
                object.start + 1..<object.end - 1,
                "\n" + memberIndent + quoted + ": " + render(value, at: memberIndent) + "\n" + indent)
        }
    }

    /// Adds `value` as the last element of an array whose own line is indented by `indent`.
    mutating func appendElement(_ value: JSONValue, to array: JSONSpan, indent: String) {
        if let last = array.elements.last {
            if let elementIndent = self.indent(before: array.elements[0].start) {
                splice(at: last.end, ",\n" + elementIndent + render(value, at: elementIndent))
            } else {
                splice(at: last.end, ", " + value.compact)
            }
        } else {
            let elementIndent = indent + unit
            replace(
                array.start + 1..<array.end - 1, "\n" + elementIndent + render(value, at: elementIndent) + "\n" + indent
            )
        }
    }

    /// Replaces the value at `span` with `value`, laid out for a line indented by `indent`.
    mutating func replace(_ span: JSONSpan, with value: JSONValue, indent: String) {
        replace(span.start..<span.end, render(value, at: indent))
    }

    /// Removes item `index` of a container (members as key-start…value-end, or elements) with its separator.
    mutating func removeItem(at index: Int, of items: [(start: Int, end: Int)], container: JSONSpan) {
        if items.count == 1 {
            replace(container.start + 1..<container.end - 1, "")
        } else if index > 0 {
            replace(items[index - 1].end..<items[index].end, "")
        } else {
            replace(items[0].start..<items[1].start, "")
        }
    }

    private mutating func splice(at offset: Int, _ text: String) {
        bytes.insert(contentsOf: Array(text.utf8), at: offset)
    }

    private mutating func replace(_ range: Range<Int>, _ text: String) {
        bytes.replaceSubrange(range, with: Array(text.utf8))
    }

    /// `value` pretty-printed with the document's indentation unit, continuation lines starting at `indent`.
    private func render(_ value: JSONValue, at indent: String) -> String {
        let lines = value.pretty.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        for (number, line) in lines.enumerated() {
            let spaces = line.prefix { $0 == " " }.count
            let body = String(repeating: unit, count: spaces / 2) + line.dropFirst(spaces)
            output.append(number == 0 ? body : indent + body)
        }
        return output.joined(separator: "\n")
    }

    /// The whitespace that indents the first indented line (two spaces when there is none).
    private static func detectUnit(_ bytes: [UInt8]) -> String {
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var end = index + 1
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                if end > index + 1 { return String(decoding: bytes[(index + 1)..<end], as: UTF8.self) }
            }
            index += 1
        }
        return "  "
    }
}
