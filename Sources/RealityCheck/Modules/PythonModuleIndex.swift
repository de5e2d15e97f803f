import Foundation

/// Resolves dotted Python names (`app.services.mailer.send`) to repository modules and the names they define.
package struct PythonModuleIndex {
    private let files: RepositoryFiles
    /// Directories that act as import roots ("" plus `src`-style roots holding a package).
    private let roots: [String]

    /// Indexes the repository's Python files.
    package init(files: RepositoryFiles) {
        self.files = files
        var roots: Set<String> = [""]
        for path in files.paths where path.hasSuffix("/__init__.py") {
            let package = RepositoryFiles.directory(path)
            let parent = RepositoryFiles.directory(package)
            if !files.contains(parent.isEmpty ? "__init__.py" : parent + "/__init__.py") { roots.insert(parent) }
        }
        for path in files.paths where path.hasSuffix(".py") { roots.insert(RepositoryFiles.directory(path)) }
        self.roots = roots.sorted()
    }

    /// How a dotted target resolves.
    package enum Resolution: Equatable {
        /// The module file exists and defines the attribute chain's first name (or the chain is empty).
        case found
        /// `module` exists but does not define `name`.
        case missingName(module: String, name: String)
        /// The first component is a package in the repository, but no module path matches.
        case missingModule(String)
        /// Not the repository's code (a library), or not statically readable.
        case external
    }

    /// Built-in names: `patch("module.open")` works on any module without `create=True`.
    static let builtins: Set<String> = [
        "open", "print", "input", "len", "range", "sorted", "min", "max", "sum", "abs", "round", "iter", "next",
        "id", "hash", "repr", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "type", "isinstance",
        "getattr", "setattr", "hasattr", "vars", "dir", "exit", "quit", "format", "exec", "eval", "compile",
        "globals", "locals", "zip", "map", "filter", "enumerate", "any", "all", "callable", "super", "object",
        "__import__",
    ]

    /// Resolves `target` from the importing file's perspective.
    package func resolve(_ target: String) -> Resolution {
        let parts = target.split(separator: ".").map(String.init)
        guard parts.count >= 2 else { return .external }
        for split in stride(from: parts.count, through: 1, by: -1) {
            let modulePath = parts[0..<split].joined(separator: "/")
            for root in roots {
                let base = root.isEmpty ? modulePath : root + "/" + modulePath
                let candidates = [base + ".py", base + "/__init__.py"]
                guard let file = candidates.first(where: files.contains) else { continue }
                let rest = Array(parts[split...])
                guard let name = rest.first else { return .found }
                if rest.count == 1, PythonModuleIndex.builtins.contains(name) { return .found }
                guard let text = files.text(file) else { return .external }
                if rest.count == 1 || !PythonModuleIndex.definesClass(name, in: text) {
                    if PythonModuleIndex.defines(name, in: text) || files.contains(base + "/" + name + ".py")
                        || files.contains(base + "/" + name + "/__init__.py")
                    {
                        if rest.count >= 2, PythonModuleIndex.definesClass(name, in: text),
                            !PythonModuleIndex.classDefines(rest[1], className: name, in: text)
                        {
                            return .missingName(module: file, name: name + "." + rest[1])
                        }
                        return .found
                    }
                    return .missingName(module: file, name: name)
                }
                if !PythonModuleIndex.classDefines(rest[1], className: name, in: text) {
                    return .missingName(module: file, name: name + "." + rest[1])
                }
                return .found
            }
        }
        let top = parts[0]
        let isOwnPackage = roots.contains { root in
            let base = root.isEmpty ? top : root + "/" + top
            return files.contains(base + "/__init__.py") || files.contains(base + ".py")
        }
        return isOwnPackage ? .missingModule(parts.dropLast().joined(separator: ".")) : .external
    }

    /// True when the module text binds `name` at top level (def, class, assignment, import, or `__getattr__`/`*`).
    package static func defines(_ name: String, in text: String) -> Bool {
        for raw in text.split(separator: "\n") {
            let line = String(raw)
            guard let first = line.first, first != " ", first != "\t" else { continue }
            if line.hasPrefix("def __getattr__") || (line.hasPrefix("from ") && line.hasSuffix("import *")) {
                return true
            }
            for prefix in ["def ", "async def ", "class "] where line.hasPrefix(prefix + name) {
                let next = line.dropFirst(prefix.count + name.count).first
                if next == "(" || next == ":" || next == " " { return true }
            }
            if line.hasPrefix(name) {
                let rest = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("=") || rest.hasPrefix(":") || rest.hasPrefix(",") { return true }
            }
            if line.hasPrefix("import ") || line.hasPrefix("from ") || line.hasPrefix("(") {
                let imported = line.components(separatedBy: " import ").last ?? line
                let names = imported.split(whereSeparator: { $0 == "," || $0 == "(" || $0 == ")" }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                for item in names {
                    let words = item.split(separator: " ")
                    if words.last.map(String.init) == name
                        || words.first.map(String.init)?.split(separator: ".").first.map(String.init) == name
                            && words.count == 1
                    {
                        return true
                    }
                }
            }
            if line.contains("import ("), text.contains(name) { return true }  // multi-line import list: lenient
        }
        // Names bound inside top-level if/try blocks.
        return text.contains("\n    " + name + " =") || text.contains("\n    def " + name + "(")
            || text.contains("\n    from ") && text.contains(" " + name + "\n")
    }

    static func definesClass(_ name: String, in text: String) -> Bool {
        text.hasPrefix("class " + name) || text.contains("\nclass " + name + "(")
            || text.contains("\nclass " + name + ":")
    }

    /// True when class `className`'s body defines `member` (methods, attributes), or inherits (then lenient).
    static func classDefines(_ member: String, className: String, in text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard
            let start = lines.firstIndex(where: {
                $0.hasPrefix("class " + className + "(") || $0.hasPrefix("class " + className + ":")
            })
        else { return true }
        let header = lines[start]
        if header.contains("(") && !header.contains("()") && !header.contains("(object)") { return true }  // inherits
        for line in lines[(start + 1)...] {
            if let first = line.first, first != " ", first != "\t", first != "#" { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("def " + member + "(") || trimmed.hasPrefix("async def " + member + "(")
                || trimmed.hasPrefix(member + " =") || trimmed.hasPrefix(member + ":")
                || trimmed.hasPrefix(member + "=")
                || trimmed.contains("self." + member + " =") || trimmed.contains("self." + member + ":")
            {
                return true
            }
        }
        return false
    }
}
