import MockInventory
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a repository, listed once with the scanner's skip rules, read lazily with a size cap.
///
/// Symlinked directories are not followed (a repository is untrusted); symlinked files are listed but only read
/// when they resolve inside the root.
package final class RepositoryFiles: @unchecked Sendable {
    /// The repository root as given.
    package let root: String
    /// Repository-relative `/`-separated paths of every regular file, sorted.
    package let paths: [String]
    /// Files larger than this are never read.
    package let maxFileSize: Int
    /// True when the walk stopped at the file-count cap.
    package let truncated: Bool
    private let resolvedRoot: String
    private let cache = LockedBox<[String: String?]>([:])

    /// Lists `root`.
    package init(root: String, maxFiles: Int = 200_000, maxFileSize: Int = 2 << 20) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.maxFileSize = maxFileSize
        self.resolvedRoot = FileSystem.realPath(root) ?? root
        var found: [String] = []
        var stack = [""]
        var truncated = false
        walk: while let relative = stack.popLast() {
            let directory = relative.isEmpty ? self.root : self.root + "/" + relative
            guard let listing = opendir(directory) else { continue }
            var subdirectories: [String] = []
            while let entry = readdir(listing) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(
                        to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)
                    ) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(self.root + "/" + path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if !TestFileClassifier.isSkippedDirectory(name) { subdirectories.append(path) }
                case S_IFREG, S_IFLNK:
                    found.append(path)
                    if found.count >= maxFiles {
                        truncated = true
                        closedir(listing)
                        break walk
                    }
                default: continue
                }
            }
            closedir(listing)
            stack += subdirectories.sorted(by: >)
        }
        self.paths = found.sorted()
        self.pathSet = Set(found)
        self.truncated = truncated
    }

    /// The file's text (UTF-8, invalid bytes repaired), or nil when unreadable, too large, or outside the root.
    package func text(_ path: String) -> String? {
        if let cached = cache.withLock({ $0[path] }) { return cached }
        let full = root + "/" + path
        var value: String?
        if let real = FileSystem.realPath(full), real == resolvedRoot || real.hasPrefix(resolvedRoot + "/"),
            let bytes = SmallFile.read(full, limit: maxFileSize)
        {
            value = String(decoding: bytes, as: UTF8.self)
        }
        cache.withLock { $0[path] = .some(value) }
        return value
    }

    /// True when `path` is listed.
    package func contains(_ path: String) -> Bool {
        pathSet.contains(path)
    }

    private let pathSet: Set<String>

    /// The paths whose last component satisfies `predicate`.
    package func files(named predicate: (String) -> Bool) -> [String] {
        paths.filter { predicate(Self.fileName($0)) }
    }

    /// The last component of a path.
    package static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The directory part of a path ("" for a top-level file).
    package static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// True when the path lies in a test directory or has a test file name.
    package static func isTestPath(_ path: String) -> Bool {
        guard let language = SourceLanguage(fileName: fileName(path)) else {
            return path.split(separator: "/").dropLast().contains {
                ["test", "tests", "__tests__", "spec", "specs", "__mocks__", "fixtures", "e2e"].contains(String($0))
            }
        }
        return TestFileClassifier.isTestFile(path, language: language)
    }
}
