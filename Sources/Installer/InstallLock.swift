import Shared

/// The `flock` every writing verb holds on `~/.oss/native/.lock`, so an install, an uninstall and the re-apply
/// steps of sessions starting together never interleave their writes.
struct InstallLock {
    private let fd: Int32

    /// Takes the lock, waiting for it when `wait` is true; nil when it is busy (and `wait` is false) or cannot be
    /// opened.
    static func acquire(_ path: String, wait: Bool) -> InstallLock? {
        try? FileSystem.createDirectories(path.deletingLastPathComponent, mode: 0o700)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
        return InstallLock(fd: fd)
    }

    /// Releases the lock.
    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
