/// Where the bundle's global files live, resolved once from an environment.
package struct OSSPaths: Sendable {
    /// The user's home directory (`HOME`, else the password database, else `/`).
    package var home: String
    /// `~/.oss`.
    package var ossDir: String
    /// `OSS_CONFIG_DIR` when set, else `~/.oss`: config, credentials, update state and the prompt cache.
    package var configDir: String

    /// Resolves the paths from an environment.
    package init(environment: Environment) {
        home = environment.home ?? "/"
        ossDir = home.appendingPathComponent(".oss")
        configDir = environment.nonEmpty("OSS_CONFIG_DIR") ?? ossDir
    }

    /// `<configDir>/config.json`.
    package var configFile: String { configDir.appendingPathComponent("config.json") }
    /// `<configDir>/credentials.enc`.
    package var credentialsFile: String { configDir.appendingPathComponent("credentials.enc") }
    /// `<configDir>/update-state.json`.
    package var updateStateFile: String { configDir.appendingPathComponent("update-state.json") }
    /// `<configDir>/prompt-cache`.
    package var promptCacheDir: String { configDir.appendingPathComponent("prompt-cache") }
    /// `~/.oss/settings.json`.
    package var settingsFile: String { ossDir.appendingPathComponent("settings.json") }
    /// `~/.oss/current-project`.
    package var currentProjectFile: String { ossDir.appendingPathComponent("current-project") }
    /// `~/.oss/plugin-root`.
    package var pluginRootFile: String { ossDir.appendingPathComponent("plugin-root") }
    /// `~/.oss/logs`.
    package var globalLogsDir: String { ossDir.appendingPathComponent("logs") }
    /// `~/.oss/workflow-state.json`.
    package var globalWorkflowStateFile: String { ossDir.appendingPathComponent("workflow-state.json") }
    /// `~/.oss/health-workflow-state.json`.
    package var globalHealthStateFile: String { ossDir.appendingPathComponent("health-workflow-state.json") }
    /// `~/.oss/queue.json`.
    package var globalQueueFile: String { ossDir.appendingPathComponent("queue.json") }
    /// `~/.oss/iron-law-state.json`.
    package var ironLawStateFile: String { ossDir.appendingPathComponent("iron-law-state.json") }
    /// `~/.oss/outbox`: pending background network sends (0700).
    package var outboxDir: String { ossDir.appendingPathComponent("outbox") }
}
