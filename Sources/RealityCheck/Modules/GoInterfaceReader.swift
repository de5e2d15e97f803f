import Foundation

/// Reads Go interface declarations: name → (line, methods, whether it embeds other interfaces).
package enum GoInterfaceReader {
    /// One interface.
    package struct Interface: Sendable, Equatable {
        /// 1-based line of `type X interface {`.
        package var line: Int
        /// Declared method names.
        package var methods: Set<String>
        /// True when it embeds another interface (its full method set is then not known here).
        package var embeds: Bool
    }

    /// The interfaces declared in a Go file.
    package static func interfaces(_ text: String) -> [String: Interface] {
        var result: [String: Interface] = [:]
        var current: (name: String, interface: Interface)?
        var depth = 0
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if var open = current {
                if line.hasPrefix("//") || line.isEmpty { continue }
                if line == "}" && depth == 0 {
                    result[open.name] = open.interface
                    current = nil
                    continue
                }
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                let name = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty {
                    let after = line.dropFirst(name.count)
                    if after.hasPrefix("(") {
                        open.interface.methods.insert(String(name))
                    } else {
                        open.interface.embeds = true  // an embedded interface (`io.Reader`, `Base`)
                    }
                }
                current = open
                continue
            }
            guard line.hasPrefix("type "), line.hasSuffix("interface {") else { continue }
            let name = String(line.dropFirst(5).prefix { $0 != " " && $0 != "[" })
            current = (name, Interface(line: offset + 1, methods: [], embeds: false))
            depth = 0
        }
        return result
    }
}
