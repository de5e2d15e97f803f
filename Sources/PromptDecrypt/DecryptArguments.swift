/// `oss-decrypt`'s command line, parsed the way upstream's `parseArgs` does (compatibility.md#decrypt-flags): unknown arguments are
/// ignored, there is no `--x=y` form, and a value flag takes the next argument whatever it is (none at the end).
package struct DecryptArguments: Equatable, Sendable {
    /// What one invocation does, after precedence.
    package enum Action: Equatable, Sendable {
        /// Print help; exit 0 when asked for, 1 when nothing runnable was given.
        case help(requested: Bool)
        /// Print `oss-decrypt v<version>`.
        case version
        /// Hidden: send an outbox file's requests in the background.
        case deliver(path: String)
        /// Hidden: fetch and decrypt `/api/v1/workflows/<name>`.
        case workflowConfig(name: String)
        /// Fetch and store credentials.
        case setup
        /// Delete the legacy prompt cache.
        case clearCache
        /// Print the manifest signature report.
        case verifyManifest
        /// Print the manifest's prompts, optionally of one category.
        case listPrompts(category: String?)
        /// Fetch, decrypt, verify and print one prompt.
        case decrypt(type: String, name: String)

        /// Whether the action may make HTTP requests (so the executable starts its transport early).
        package var usesNetwork: Bool {
            switch self {
            case .help, .version, .clearCache: false
            case .deliver, .workflowConfig, .setup, .verifyManifest, .listPrompts, .decrypt: true
            }
        }
    }

    /// `--help` / `-h`.
    package var help = false
    /// `--version` / `-v`.
    package var version = false
    /// `--setup`.
    package var setup = false
    /// `--debug` / `-d`.
    package var debug = false
    /// `--no-cache` (accepted, no effect: nothing is cached on disk).
    package var noCache = false
    /// `--clear-cache`.
    package var clearCache = false
    /// `--verify-manifest`.
    package var verifyManifest = false
    /// `--list-prompts`.
    package var listPrompts = false
    /// `--category <c>`.
    package var category: String?
    /// `--type <t>` / `-t`.
    package var type: String?
    /// `--name <n>` / `-n`.
    package var name: String?
    /// Hidden `--workflow-config <name>`.
    package var workflowConfig: String?
    /// Hidden `--deliver <outbox-file>`.
    package var deliver: String?

    /// Parses argv without the program name.
    package init(_ arguments: [String]) {
        var index = 0
        func value() -> String? {
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--help", "-h": help = true
            case "--version", "-v": version = true
            case "--setup": setup = true
            case "--debug", "-d": debug = true
            case "--no-cache": noCache = true
            case "--clear-cache": clearCache = true
            case "--verify-manifest": verifyManifest = true
            case "--list-prompts": listPrompts = true
            case "--category": category = value()
            case "--type", "-t": type = value()
            case "--name", "-n": name = value()
            case "--workflow-config": workflowConfig = value()
            case "--deliver": deliver = value()
            default: break
            }
            index += 1
        }
    }

    /// The action by upstream's precedence: help, version, setup, clear-cache, verify-manifest, list-prompts,
    /// then decrypt when both type and name are non-empty, else help with exit 1. The hidden flags come right
    /// after version.
    package var action: Action {
        if help { return .help(requested: true) }
        if version { return .version }
        if let deliver { return .deliver(path: deliver) }
        if let workflowConfig { return .workflowConfig(name: workflowConfig) }
        if setup { return .setup }
        if clearCache { return .clearCache }
        if verifyManifest { return .verifyManifest }
        if listPrompts { return .listPrompts(category: category) }
        if let type, let name, !type.isEmpty, !name.isEmpty { return .decrypt(type: type, name: name) }
        return .help(requested: false)
    }
}
