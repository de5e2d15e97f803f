/// Failures talking to the OSS API. Descriptions are the exact messages upstream prints after `Error: `.
package enum APIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// HTTP 404 on a prompt or custom prompt.
    case promptNotFound
    /// HTTP 401 on a prompt or custom prompt.
    case unauthorized
    /// Any other non-2xx: the body's `error` string.
    case server(status: Int, message: String)
    /// Non-2xx without a usable `error` string in the body.
    case requestFailed(status: Int)
    /// The request did not finish within its budget.
    case timedOut(url: String, seconds: Double)
    /// No response: connection refused, DNS failure, reset.
    case unreachable(url: String, reason: String)
    /// The URL is neither `https` nor loopback `http`.
    case insecureURL(String)
    /// The server redirected to a URL that `URLPolicy` refuses.
    case redirectRefused(from: String, to: String)
    /// The body exceeded the response cap.
    case responseTooLarge(url: String, limit: Int)
    /// A 2xx response whose body is not what the endpoint returns.
    case invalidResponse(url: String, reason: String)
    /// `--type` is not one of the prompt types.
    case invalidPromptType(String)
    /// `--name` (or a workflow name) is not a safe single path segment.
    case invalidName(String, reason: String)

    package var description: String {
        switch self {
        case .promptNotFound: "Prompt not found"
        case .unauthorized: "Unauthorized"
        case .server(_, let message): message
        case .requestFailed: "Request failed"
        case .timedOut(let url, let seconds): "Request timed out after \(Self.format(seconds)) s: \(url)"
        case .unreachable(let url, let reason): "Cannot reach \(url): \(reason)"
        case .insecureURL(let url):
            "Refusing insecure API URL \(url): apiUrl must use https (plain http is allowed only for localhost)"
        case .redirectRefused(let from, let to): "Refusing redirect from \(from) to \(to)"
        case .responseTooLarge(let url, let limit): "Response from \(url) exceeds \(limit) bytes"
        case .invalidResponse(let url, let reason): "Invalid response from \(url): \(reason)"
        case .invalidPromptType(let type):
            "Invalid prompt type: \(type). Allowed: \(PromptReference.allowedTypes.joined(separator: ", "))"
        case .invalidName(_, let reason): "Invalid prompt name: \(reason)"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

extension APIError: ReportableError {
    /// sysexits mapping; oss-decrypt's contract flows still exit 1 (see `DecryptTool`).
    package var exitStatus: ExitStatus {
        switch self {
        case .promptNotFound: .noInput
        case .unauthorized: .noPermission
        case .server(let status, _), .requestFailed(let status):
            status == 401 || status == 403 ? .noPermission : status == 429 ? .tempFailure : .unavailable
        case .timedOut: .tempFailure
        case .unreachable, .redirectRefused: .unavailable
        case .insecureURL: .config
        case .responseTooLarge, .invalidResponse: .dataError
        case .invalidPromptType, .invalidName: .usage
        }
    }
}
