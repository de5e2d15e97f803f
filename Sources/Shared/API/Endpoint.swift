/// The OSS API paths of compatibility.md#api, built only from validated parts.
package enum Endpoint: Equatable, Sendable {
    /// `GET /api/v1/auth/credentials?hardwareId=<id>`.
    case credentials(hardwareID: String)
    /// `GET /api/v1/prompts/<name>` for commands, `/api/v1/prompts/<type>/<name>` otherwise (custom included).
    case prompt(PromptReference)
    /// `GET /api/v1/prompts/manifest`.
    case manifest
    /// `GET /api/v1/workflows/<name>`: the encrypted workflow config.
    case workflowConfig(name: String)

    /// The path and query.
    package var path: String {
        switch self {
        case .credentials(let hardwareID):
            "/api/v1/auth/credentials?hardwareId=\(PromptReference.percentEncode(hardwareID))"
        case .prompt(let reference):
            reference.type == "commands"
                ? "/api/v1/prompts/\(reference.encodedName)"
                : "/api/v1/prompts/\(reference.type)/\(reference.encodedName)"
        case .manifest:
            "/api/v1/prompts/manifest"
        case .workflowConfig(let name):
            "/api/v1/workflows/\(PromptReference.percentEncode(name))"
        }
    }

    /// The full URL under `baseURL` (trailing slashes of the base are dropped).
    package func url(baseURL: String) -> String {
        var base = Substring(baseURL)
        while base.hasSuffix("/") { base = base.dropLast() }
        return base + path
    }
}
