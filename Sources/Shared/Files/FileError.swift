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

    package init(path: String, operation: String, code: Int32) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    package var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }

    package var exitStatus: ExitStatus {
        switch code {
        case ENOENT, ENOTDIR: return .noInput
        case EACCES, EPERM: return .noPermission
        default: return .ioError
        }
    }
}
