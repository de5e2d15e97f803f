/// The process environment as a value, so every tool and test resolves paths from an injected copy.
package struct Environment: Sendable {
    /// The variables, by name.
    package var variables: [String: String]

    /// An environment holding exactly these variables.
    package init(_ variables: [String: String]) {
        self.variables = variables
    }

    /// The environment of the running process.
    package static func current() -> Environment {
        var variables: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            pointer += 1
        }
        return Environment(variables)
    }

    /// A variable's value, `nil` when unset.
    package subscript(name: String) -> String? {
        variables[name]
    }

    /// A variable's value when set and non-empty.
    package func nonEmpty(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `HOME` when set and non-empty, else the password database's home for this user.
    package var home: String? {
        nonEmpty("HOME") ?? UserDatabase.current()?.home
    }

    /// `TMPDIR` when set and non-empty, else `/tmp` (as Node's `os.tmpdir()` does; fixes contract D1).
    package var tmpDir: String {
        nonEmpty("TMPDIR") ?? "/tmp"
    }
}
