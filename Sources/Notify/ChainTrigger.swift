import Shared

/// Decides what a completed workflow chains to (compatibility.md#chain-block): the server's workflow config, shallow-merged over
/// the built-in defaults, rendered as a `ChainBlock`.
package enum ChainTrigger {
    /// The built-in `chains_to` lists (`watcher/src/engine/types.ts`): ideate, plan and build chain; the rest do not.
    package static func defaultChains(for command: String) -> [JSONValue] {
        switch command {
        case "ideate":
            return [
                ["command": "requirements", "always": true],
                ["command": "api-design", "condition": "has_api_work"],
                ["command": "data-model", "condition": "has_db_work"],
                ["command": "adr", "always": true],
            ]
        case "plan": return [["command": "acceptance", "always": true]]
        case "build": return [["command": "context-report", "always": true]]
        default: return []
        }
    }

    /// The built-in config merged with the server's (`serverConfig` keys win; a non-object is ignored).
    package static func config(for command: String, serverConfig: JSONValue?) -> JSONObject {
        var config = JSONObject([("chains_to", .array(defaultChains(for: command)))])
        if let server = serverConfig?.objectValue {
            for (key, value) in server { config[key] = value }
        }
        return config
    }

    /// The chained items of a merged config (an absent or non-array `chains_to` means none).
    package static func items(of config: JSONObject) -> [ChainBlock.Item] {
        (config["chains_to"]?.arrayValue ?? []).compactMap(ChainBlock.Item.init(json:))
    }

    /// The block for `command` given the decrypted server config text (nil or unparsable ⇒ defaults only).
    package static func block(for command: String, serverConfigText: String?) -> String {
        let server = serverConfigText.flatMap { try? JSONValue.parse($0) }
        return ChainBlock.render(items(of: config(for: command, serverConfig: server)))
    }

    /// The credentials gate of the original chain trigger: `~/.oss/config.json` (the real home, not
    /// `OSS_CONFIG_DIR`) needs an `apiKey`, and its `apiUrl` must be https (or loopback http); nil when it passes,
    /// else the original's message.
    package static func credentialsProblem(config: OSSConfig) -> String? {
        guard config.apiKey != nil, URLPolicy.isAllowed(config.apiURL) else {
            return "No API key configured. Run /oss:login"
        }
        return nil
    }
}
