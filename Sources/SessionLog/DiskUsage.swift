import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte counts of files and trees, and their human-readable form.
package enum DiskUsage {
    /// The total size of the regular files under `path` (or of `path` itself), symlinks not followed.
    package static func bytes(_ path: String) -> Int64 {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return FileSystem.listDirectory(path).reduce(0) { $0 + bytes(path.appendingPathComponent($1)) }
        }
        return (status.st_mode & S_IFMT) == S_IFREG ? Int64(status.st_size) : 0
    }

    /// `512B`, `4.0K`, `12K`, `1.5M`, `2.0G` (like `du -h`, but from byte counts).
    package static func human(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes)B" }
        let units = ["K", "M", "G", "T"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if value < 10 {
            let tenths = Int((value * 10).rounded())
            if tenths < 100 { return "\(tenths / 10).\(tenths % 10)\(units[unit])" }
        }
        return "\(Int(value.rounded()))\(units[unit])"
    }
}
