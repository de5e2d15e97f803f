import Shared

/// Checks the installation without changing anything.
package struct Doctor: Sendable {
    package var installer: Installer
    package var environment: Environment

    package init(environment: Environment) {
        self.environment = environment
        installer = Installer(environment: environment)
    }

    package func run() -> DoctorReport {
        let layout = installer.layout
        let payload = NativePayload.installed(layout)
        let roots = installer.locator.locate()
        var problems: [DoctorReport.Problem] = []
        var notes: [DoctorReport.Problem] = []
        let oss = layout.binDir.appendingPathComponent("oss-hooks")
        if payload == nil {
            problems.append(.init(what: "the native bundle is not installed", fix: "Scripts/install.sh"))
        }
        let reference = payload ?? NativePayload(shims: [:], command: [])

        var rootReports: [DoctorReport.Root] = []
        for root in roots {
            let hooks = installer.shimTargets(in: root.hooksDir, payload: reference).filter { !$0.isCurrent }
            let command = NativeTarget(
                path: root.commandsDir.appendingPathComponent(InstallLayout.commandName), bytes: reference.command,
                mode: 0o644)
            let report = DoctorReport.Root(
                root: root, nonNativeHooks: hooks.map(\.path.lastPathComponent), commandInstalled: command.isCurrent)
            rootReports.append(report)
            if payload != nil, !report.isNative {
                problems.append(.init(what: "plugin root \(root.path) is not native", fix: "\(oss) reapply"))
            }
        }
        if roots.isEmpty {
            problems.append(
                .init(
                    what: "no OSS plugin found under \(layout.claudeDir)/plugins",
                    fix: "install the plugin in Claude Code, or \(oss) install --plugin-root DIR"))
        }
        let ossHooks = installer.shimTargets(in: layout.hooksDir, payload: reference).filter { !$0.isCurrent }
        let statusLineNative = installer.statusLineTarget(payload: reference).isCurrent
        if payload != nil, !ossHooks.isEmpty || !statusLineNative {
            problems.append(
                .init(what: "\(layout.hooksDir) or the status line script is not native", fix: "\(oss) reapply"))
        }

        var sessionStart: Bool? = false
        var statusLineCommand: String?
        if let bytes = SmallFile.read(layout.settingsFile, limit: 16 << 20) {
            sessionStart = try? SettingsEditor.contains(bytes, path: layout.settingsFile)
            statusLineCommand = (try? JSONValue.parse(bytes: bytes))?["statusLine"]?["command"]?.stringValue
        }
        switch sessionStart {
        case .some(false):
            problems.append(
                .init(
                    what:
                        "no session-start re-apply entry in \(layout.settingsFile): a plugin update brings the bash hooks back",
                    fix: "\(oss) install"))
        case .none:
            problems.append(
                .init(what: "\(layout.settingsFile) is not valid JSON", fix: "fix the file, then \(oss) install"))
        default:
            break
        }
        if statusLineCommand.map({ !$0.contains("oss-statusline.sh") }) ?? true {
            notes.append(
                .init(
                    what: "Claude Code's status line is not the OSS one",
                    fix:
                        "set \"statusLine\": {\"type\": \"command\", \"command\": \"\(layout.statusLineScript)\"} in \(layout.settingsFile)"
                ))
        }

        let binaries = InstallLayout.toolNames.map { name in
            (name: name, version: version(of: layout.binDir.appendingPathComponent(name)))
        }
        let missing = binaries.filter { $0.version == nil }.map(\.name)
        if !missing.isEmpty {
            problems.append(
                .init(
                    what: "missing or broken in \(layout.binDir): \(missing.joined(separator: ", "))",
                    fix: "Scripts/install.sh"))
        }
        let credentials = (FileSystem.size(layout.configDir.appendingPathComponent("credentials.enc")) ?? 0) > 0
        let config = SmallFile.read(layout.configDir.appendingPathComponent("config.json"), limit: 1 << 20)
        let apiKey =
            config.flatMap { try? JSONValue.parse(bytes: $0) }?["apiKey"]?.stringValue.map { !$0.isEmpty } ?? false
        if !apiKey { notes.append(.init(what: "no API key", fix: "/oss:login in Claude Code")) }
        if !credentials {
            notes.append(.init(what: "no prompt credentials", fix: "\(layout.binDir)/oss-decrypt --setup"))
        }
        return DoctorReport(
            installed: payload != nil, roots: rootReports, nonNativeOSSHooks: ossHooks.map(\.path.lastPathComponent),
            statusLineScriptNative: statusLineNative, statusLineCommand: statusLineCommand,
            sessionStartEntry: sessionStart, binaries: binaries, credentialsPresent: credentials,
            apiKeyPresent: apiKey, problems: problems, notes: notes)
    }

    /// The one `N.N.N` a binary's `--version` prints, nil when it is missing or fails.
    private func version(of binary: String) -> String? {
        guard FileSystem.isExecutable(binary) else { return nil }
        let result = ChildProcess.run(binary, arguments: ["--version"], environment: environment, timeout: 5)
        guard result.status == 0 else { return nil }
        let output = String(decoding: result.stdout, as: UTF8.self)
        let tokens = output.split(whereSeparator: { !($0.isNumber || $0 == ".") }).filter {
            $0.split(separator: ".").count == 3
        }
        return tokens.first.map(String.init) ?? output.split(separator: "\n").first.map(String.init)
    }
}
