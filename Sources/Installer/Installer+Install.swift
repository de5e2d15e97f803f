import Shared

extension Installer {
    /// Installs the binaries and the reference files, makes every plugin root and `~/.oss` native, and adds the
    /// re-apply entry to Claude Code's user settings. Returns the summary lines for the user.
    /// - Throws: `InstallerError` before changing anything when an input is wrong; a file error mid-way leaves every
    ///   file either old or new.
    package func install(_ options: InstallOptions) throws(InstallerError) -> [String] {
        var extraRoots: [String] = []
        for root in options.pluginRoots {
            guard let canonical = FileSystem.realPath(root), PluginLocator.manifestVersion(canonical) != nil else {
                throw .notThePlugin(path: root)
            }
            extraRoots.append(canonical)
        }
        let payload: NativePayload
        if let source = options.sourceDir {
            payload = try NativePayload.source(source)
        } else if let installed = NativePayload.installed(layout) {
            payload = installed
        } else {
            throw .missing(path: layout.nativeDir, what: "installed shims (pass --source DIR, a checkout of oss-hooks)")
        }
        if let binaries = options.binariesDir {
            for tool in InstallLayout.toolNames where !FileSystem.isRegularFile(binaries.appendingPathComponent(tool)) {
                throw .missing(path: binaries.appendingPathComponent(tool), what: "binary")
            }
        }
        guard let lock = InstallLock.acquire(layout.lockFile, wait: true) else { throw .busy(lock: layout.lockFile) }
        defer { lock.release() }

        var lines: [String] = []
        try payload.store(layout)
        do throws(FileError) {
            try FileSystem.createDirectories(layout.ossDir, mode: 0o700)
            chmod(layout.ossDir, 0o700)
            if let binaries = options.binariesDir {
                try FileSystem.createDirectories(layout.binDir)
                for tool in InstallLayout.toolNames {
                    let bytes = try FileSystem.read(binaries.appendingPathComponent(tool))
                    try FileSystem.writeAtomically(bytes, to: layout.binDir.appendingPathComponent(tool), mode: 0o755)
                }
                lines.append("Installed \(InstallLayout.toolNames.joined(separator: ", ")) into \(layout.binDir).")
            }
            let recorded = PluginLocator.lines(layout.extraRootsFile)
            let allExtra = recorded + extraRoots.filter { !recorded.contains($0) }
            if !allExtra.isEmpty {
                try FileSystem.writeAtomically(
                    Array(allExtra.map { $0 + "\n" }.joined().utf8), to: layout.extraRootsFile, mode: 0o600)
            }
        } catch {
            throw .file(error)
        }
        let roots = locator.locate()
        for target in targets(payload: payload, roots: roots) {
            do { try target.apply() } catch { throw .file(error) }
        }
        lines.append("Native shims in \(layout.hooksDir) and \(layout.statusLineScript).")
        if roots.isEmpty {
            lines.append(
                "No OSS plugin found under \(layout.claudeDir)/plugins (install it, or pass --plugin-root DIR).")
        }
        for root in roots {
            let version = root.version.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
            lines.append("Native hooks and /oss:integration in plugin root \(root.path)\(version).")
        }
        if options.editSettings {
            lines.append(try addSessionStartEntry())
        }
        let settings = SmallFile.read(layout.settingsFile, limit: 16 << 20).flatMap { try? JSONValue.parse(bytes: $0) }
        if settings?["statusLine"]?["command"]?.stringValue?.contains("oss-statusline.sh") != true {
            lines.append(
                "Status line (optional): add \"statusLine\": {\"type\": \"command\", \"command\": \"\(layout.statusLineScript)\"} "
                    + "to \(layout.settingsFile).")
        }
        lines.append("Check with: \(layout.binDir)/oss-hooks doctor")
        return lines
    }

    /// Adds the re-apply entry to `settings.json` (backup kept); returns the line to report.
    /// - Throws: `InstallerError` when the file does not parse or cannot be written.
    func addSessionStartEntry() throws(InstallerError) -> String {
        let path = layout.settingsFile
        let existing = FileSystem.exists(path) ? try readSettings() : nil
        let updated = try SettingsEditor.adding(command: layout.reapplyCommand, to: existing, path: path)
        if updated == existing { return "Session-start re-apply entry already in \(path)." }
        do throws(FileError) {
            try FileSystem.createDirectories(layout.claudeDir)
            if let existing {
                try FileSystem.writeAtomically(existing, to: layout.settingsBackup, mode: 0o600)
            } else {
                try FileSystem.writeAtomically([], to: layout.settingsCreatedMarker, mode: 0o600)
            }
            try FileSystem.writeAtomically(updated, to: path, mode: Self.mode(of: path) ?? 0o600)
        } catch {
            throw .file(error)
        }
        return "Added the session-start re-apply entry to \(path)"
            + (existing == nil ? " (new file)." : " (previous version: \(layout.settingsBackup)).")
    }

    /// The bytes of `settings.json`.
    /// - Throws: `InstallerError` when it cannot be read.
    func readSettings() throws(InstallerError) -> [UInt8] {
        guard let bytes = SmallFile.read(layout.settingsFile, limit: 16 << 20) else {
            throw .unexpectedShape(path: layout.settingsFile, what: "not a readable regular file under 16 MiB")
        }
        return bytes
    }

    static func mode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & 0o777
    }
}
