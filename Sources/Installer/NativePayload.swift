import Shared

/// The bytes every native target must hold: the five shims and the slash command, from `~/.oss/native/` (written
/// by the install from the repository's `hooks/` and `commands/`).
package struct NativePayload: Sendable {
    /// Upper bound for one payload file.
    static let fileLimit = 1 << 20

    /// Shim name → bytes.
    package var shims: [String: [UInt8]]
    /// `commands/integration.md`.
    package var command: [UInt8]

    /// Reads the reference copies from `~/.oss/native`; nil when any is missing (nothing installed).
    package static func installed(_ layout: InstallLayout) -> NativePayload? {
        var shims: [String: [UInt8]] = [:]
        for name in InstallLayout.shimNames {
            guard let bytes = SmallFile.read(layout.reference(name), limit: fileLimit) else { return nil }
            shims[name] = bytes
        }
        guard let command = SmallFile.read(layout.reference(InstallLayout.commandName), limit: fileLimit) else {
            return nil
        }
        return NativePayload(shims: shims, command: command)
    }

    /// Reads the payload from a checkout of this repository (`hooks/*.sh`, `commands/integration.md`).
    /// - Throws: `InstallerError.missing` naming the first file that is not there.
    package static func source(_ directory: String) throws(InstallerError) -> NativePayload {
        var shims: [String: [UInt8]] = [:]
        for name in InstallLayout.shimNames {
            let path = directory.appendingPathComponent("hooks").appendingPathComponent(name)
            guard let bytes = SmallFile.read(path, limit: fileLimit) else { throw .missing(path: path, what: "shim") }
            shims[name] = bytes
        }
        let path = directory.appendingPathComponent("commands").appendingPathComponent(InstallLayout.commandName)
        guard let command = SmallFile.read(path, limit: fileLimit) else {
            throw .missing(path: path, what: "slash command")
        }
        return NativePayload(shims: shims, command: command)
    }

    /// Stores the reference copies in `~/.oss/native`.
    /// - Throws: `InstallerError.file` when a copy cannot be written.
    func store(_ layout: InstallLayout) throws(InstallerError) {
        do throws(FileError) {
            try FileSystem.createDirectories(layout.ossDir, mode: 0o700)
            try FileSystem.createDirectories(layout.nativeDir, mode: 0o700)
            for (name, bytes) in shims {
                try FileSystem.writeAtomically(bytes, to: layout.reference(name), mode: 0o644)
            }
            try FileSystem.writeAtomically(command, to: layout.reference(InstallLayout.commandName), mode: 0o644)
        } catch {
            throw .file(error)
        }
    }
}
