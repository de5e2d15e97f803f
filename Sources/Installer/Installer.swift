import Shared

/// Installs, re-applies and removes the native hook bundle for one user.
package struct Installer: Sendable {
    package var layout: InstallLayout
    package var locator: PluginLocator

    package init(environment: Environment) {
        layout = InstallLayout(environment: environment)
        locator = PluginLocator(layout: layout)
    }

    /// Every file that must hold native content: in each plugin root, the five shims in `hooks/` and the slash command
    /// in `commands/`; the five shims in `~/.oss/hooks`; and `~/.oss/oss-statusline.sh`.
    package func targets(payload: NativePayload, roots: [PluginRoot]) -> [NativeTarget] {
        var targets: [NativeTarget] = []
        for root in roots {
            targets += shimTargets(in: root.hooksDir, payload: payload)
            targets.append(
                NativeTarget(
                    path: root.commandsDir.appendingPathComponent(InstallLayout.commandName), bytes: payload.command,
                    mode: 0o644))
        }
        targets += shimTargets(in: layout.hooksDir, payload: payload)
        targets.append(statusLineTarget(payload: payload))
        return targets
    }

    func shimTargets(in directory: String, payload: NativePayload) -> [NativeTarget] {
        InstallLayout.shimNames.map { name in
            NativeTarget(path: directory.appendingPathComponent(name), bytes: payload.shims[name] ?? [], mode: 0o755)
        }
    }

    func statusLineTarget(payload: NativePayload) -> NativeTarget {
        NativeTarget(path: layout.statusLineScript, bytes: payload.shims["oss-statusline.sh"] ?? [], mode: 0o755)
    }

    /// The session-start step: puts back every native file that something (the plugin's own session start, a plugin
    /// update) replaced. Checks without writing or locking when everything is native (the common case); when
    /// another re-apply or install holds the lock it leaves the work to that one. Never throws: hooks fail open.
    /// Returns the files it replaced and the errors it met.
    package func reapply() -> (replaced: [String], errors: [String]) {
        guard let payload = NativePayload.installed(layout) else { return ([], []) }
        let stale = targets(payload: payload, roots: locator.locate()).filter { !$0.isCurrent }
        if stale.isEmpty { return ([], []) }
        guard let lock = InstallLock.acquire(layout.lockFile, wait: false) else { return ([], []) }
        defer { lock.release() }
        var replaced: [String] = []
        var errors: [String] = []
        for target in stale {
            do {
                if try target.apply() { replaced.append(target.path) }
            } catch {
                errors.append(error.description)
            }
        }
        return (replaced, errors)
    }
}
