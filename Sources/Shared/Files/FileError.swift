#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file-system operation that failed, naming the path and the operation.
package struct FileError: ReportableError, Equatable {
    /// The path involved.
    package var path: String
    /// What was attempted (`open`, `write`, `rename`, …).
    package var operation: String
    /// The `errno` value.
    package var code: Int32
    /// Why, in words, when `strerror(code)` would not say it (e.g. a refused symbolic link).
    package var reason: String?

    package init(path: String, operation: String, code: Int32, reason: String? = nil) {
        self.path = path
        self.operation = operation
        self.code = code
        self.reason = reason
    }

    package var description: String {
        "cannot \(operation) \(path): \(reason ?? String(cString: strerror(code)))"
    }

    /// A file refused because it is a symbolic link.
    package static func symbolicLink(_ path: String, operation: String) -> FileError {
        FileError(path: path, operation: operation, code: ELOOP, reason: "it is a symbolic link; refusing to follow it")
    }

    /// A file refused because it is not a regular file (a FIFO, a device, a directory).
    package static func notRegular(_ path: String, operation: String) -> FileError {
        FileError(path: path, operation: operation, code: EINVAL, reason: "it is not a regular file")
    }

    package var exitStatus: ExitStatus {
        switch code {
        case ENOENT, ENOTDIR: return .noInput
        case EACCES, EPERM: return .noPermission
        default: return .ioError
        }
    }
}
