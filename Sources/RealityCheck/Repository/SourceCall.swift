import Foundation

/// A call such as `op.add_column('users', sa.Column('x'))` found in source text, with its top-level arguments.
package struct SourceCall: Sendable, Equatable {
    /// The callee as matched (`op.add_column`).
    package var name: String
    /// The top-level arguments, trimmed, as written.
    package var arguments: [String]
    /// 1-based line of the callee.
    package var line: Int

    /// The string value of argument `index` when it is a literal (`'x'`, `"x"`, `` `x` ``, Ruby `:x`).
    package func string(_ index: Int) -> String? {
        guard index < arguments.count else { return nil }
        return SourceCall.literal(arguments[index])
    }

    /// The value of a `key=value` / `key: value` argument.
    package func keyword(_ key: String) -> String? {
        for argument in arguments {
            for separator in ["=", ":"]
            where argument.hasPrefix(key + separator) || argument.hasPrefix(key + " " + separator) {
                let value = argument.drop { $0 != Character(separator) }.dropFirst()
                return String(value).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The content of a string or symbol literal, or nil.
    package static func literal(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix(":"), trimmed.count > 1,
            trimmed.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        {
            return String(trimmed.dropFirst())
        }
        guard let first = trimmed.first, first == "'" || first == "\"" || first == "`", trimmed.count >= 2,
            trimmed.last == first
        else { return nil }
        return String(trimmed.dropFirst().dropLast())
    }
}
