import Shared

extension Installer {
    /// Restores every backed-up original (plugin roots, `~/.oss/hooks`, the status line script), removes the native
    /// files that had none, takes the re-apply entry out of `settings.json`, and removes the binaries and
    /// `~/.oss/native`. Returns the summary lines.
    /// - Throws: `InstallerError` when `settings.json` cannot be parsed or written (nothing else is then changed).
    package func uninstall(pluginRoots: [String]) throws(InstallerError) -> [String] {
        guard let lock = InstallLock.acquire(layout.lockFile, wait: true) else { throw .busy(lock: layout.lockFile) }
        defer { lock.release() }
        var lines: [String] = []
        if FileSystem.exists(layout.settingsFile) {
            if let line = try removeSessionStartEntry() { lines.append(line) }
        }
        var roots = locator.locate()
        for path in pluginRoots {
            guard let canonical = FileSystem.realPath(path), !roots.contains(where: { $0.path == canonical }) else {
                continue
            }
            roots.append(PluginRoot(path: canonical, version: nil, origins: [.option]))
        }
        // The bytes only identify native files whose marker they lack (the slash command); any version counts.
        let payload =
            NativePayload.installed(layout)
            ?? NativePayload(shims: [:], command: Array(InstallLayout.shimMarker.utf8))
        for root in roots {
            var changed = false
            for target in targets(payload: payload, roots: [root]) where target.path.hasPrefix(root.path + "/") {
                changed = target.restore() || changed
            }
            // An earlier install.sh also put the binaries into <root>/bin.
            let bin = root.path.appendingPathComponent("bin")
            for tool in InstallLayout.toolNames where FileSystem.isRegularFile(bin.appendingPathComponent(tool)) {
                FileSystem.remove(bin.appendingPathComponent(tool))
                changed = true
            }
            rmdir(bin)
            if changed { lines.append("Restored the plugin's own hooks in \(root.path).") }
        }
        for target in shimTargets(in: layout.hooksDir, payload: payload) + [statusLineTarget(payload: payload)] {
            target.restore()
        }
        lines.append("Restored \(layout.hooksDir) and \(layout.statusLineScript) (originals where there were any).")
        for tool in InstallLayout.toolNames { FileSystem.remove(layout.binDir.appendingPathComponent(tool)) }
        rmdir(layout.binDir)
        FileSystem.removeTree(layout.nativeDir)
        lines.append("Removed the native binaries from \(layout.binDir) and \(layout.nativeDir).")
        return lines
    }

    /// Takes the re-apply entry out of `settings.json`: the saved original when the file is exactly what the install
    /// made of it, else a text edit that removes just the entry. Returns the line to report, nil when there was none.
    /// - Throws: `InstallerError` when the file does not parse or cannot be written.
    func removeSessionStartEntry() throws(InstallerError) -> String? {
        let path = layout.settingsFile
        let current = try readSettings()
        guard try SettingsEditor.contains(current, path: path) else { return nil }
        var restored = try SettingsEditor.removing(from: current, path: path)
        if let backup = SmallFile.read(layout.settingsBackup, limit: 16 << 20),
            (try? SettingsEditor.adding(command: layout.reapplyCommand, to: backup, path: path)) == current
        {
            restored = backup
        }
        do throws(FileError) {
            if FileSystem.exists(layout.settingsCreatedMarker),
                (try? JSONValue.parse(bytes: restored))?.objectValue?.isEmpty == true
            {
                FileSystem.remove(path)
            } else {
                try FileSystem.writeAtomically(restored, to: path, mode: Self.mode(of: path) ?? 0o600)
            }
        } catch {
            throw .file(error)
        }
        FileSystem.remove(layout.settingsBackup)
        return "Removed the session-start re-apply entry from \(path)."
    }
}
