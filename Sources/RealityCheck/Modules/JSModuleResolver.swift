import Foundation
import Shared

/// Resolves JS/TS module specifiers to repository files: relative paths, `index` files, the usual extensions, and
/// `tsconfig.json`/`jsconfig.json` `paths` aliases (with `baseUrl`).
package struct JSModuleResolver {
    private let files: RepositoryFiles
    /// (alias pattern, replacement patterns) with `*` wildcards, repository-relative.
    private let aliases: [(pattern: String, targets: [String])]
    private let baseURLs: [String]

    static let extensions = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"]

    /// Reads every tsconfig/jsconfig in the repository.
    package init(files: RepositoryFiles) {
        self.files = files
        var aliases: [(String, [String])] = []
        var baseURLs: [String] = []
        for path in files.paths
        where ["tsconfig.json", "jsconfig.json", "tsconfig.base.json"].contains(RepositoryFiles.fileName(path)) {
            guard let text = files.text(path), let value = try? JSONValue.parse(JSModuleText.strippingComments(text)),
                let options = value["compilerOptions"]
            else { continue }
            let directory = RepositoryFiles.directory(path)
            let base = JSModuleResolver.join(directory, options["baseUrl"]?.stringValue ?? ".")
            if options["baseUrl"] != nil { baseURLs.append(base) }
            for (pattern, targets) in options["paths"]?.objectValue ?? JSONObject() {
                let replacements = (targets.arrayValue ?? []).compactMap { $0.stringValue }
                aliases.append((pattern, replacements.map { JSModuleResolver.join(base, $0) }))
            }
        }
        self.aliases = aliases
        self.baseURLs = baseURLs
    }

    /// The file `specifier` names from `importer`, nil for a package (or anything not in the repository).
    package func resolve(_ specifier: String, from importer: String) -> String? {
        if specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "." || specifier == ".." {
            return file(at: JSModuleResolver.join(RepositoryFiles.directory(importer), specifier))
        }
        for (pattern, targets) in aliases {
            let captured: String?
            if let star = pattern.firstIndex(of: "*") {
                let head = String(pattern[..<star])
                let tail = String(pattern[pattern.index(after: star)...])
                captured =
                    specifier.hasPrefix(head) && specifier.hasSuffix(tail) && specifier.count >= head.count + tail.count
                    ? String(specifier.dropFirst(head.count).dropLast(tail.count)) : nil
            } else {
                captured = specifier == pattern ? "" : nil
            }
            guard let captured else { continue }
            for target in targets {
                if let found = file(at: target.replacingOccurrences(of: "*", with: captured)) { return found }
            }
        }
        for base in baseURLs {
            if let found = file(at: JSModuleResolver.join(base, specifier)) { return found }
        }
        return nil
    }

    /// True when the specifier is relative or matches an alias (so it should resolve inside the repository).
    package func isLocal(_ specifier: String) -> Bool {
        if specifier.hasPrefix(".") { return true }
        return aliases.contains { alias in
            guard let star = alias.pattern.firstIndex(of: "*") else { return specifier == alias.pattern }
            return specifier.hasPrefix(String(alias.pattern[..<star]))
        }
    }

    private func file(at path: String) -> String? {
        if files.contains(path), JSModuleResolver.extensions.contains(where: { path.hasSuffix($0) }) { return path }
        var stem = path
        for ext in [".js", ".jsx", ".mjs", ".cjs"] where path.hasSuffix(ext) {  // TS ESM imports name the .js output
            stem = String(path.dropLast(ext.count))
        }
        for ext in JSModuleResolver.extensions where files.contains(stem + ext) { return stem + ext }
        for ext in JSModuleResolver.extensions where files.contains(path + "/index" + ext) {
            return path + "/index" + ext
        }
        return nil
    }

    /// Joins and normalises `/`-separated paths (`.` and `..` resolved; never above the root).
    package static func join(_ base: String, _ relative: String) -> String {
        var parts = base.split(separator: "/").map(String.init)
        if relative.hasPrefix("/") { parts = [] }
        for part in relative.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
