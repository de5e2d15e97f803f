import MockInventory
import PromptDecrypt
import Shared

/// Why `oss-integration`'s flow stopped. The authentication and API cases carry the seed command's exact
/// user-facing messages (compatibility.md#integration, "Errors"); the others follow the house error style.
package enum IntegrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The project directory (`--project`, `CLAUDE_PROJECT_DIR` or the working directory) does not exist or is not
    /// a directory.
    case projectNotFound(path: String)
    /// `config.json` has no `apiKey` (and `--offline` was not given).
    case noAPIKey
    /// The API answered 401.
    case authenticationFailed
    /// The API answered 403.
    case subscriptionExpired
    /// The API answered 5xx.
    case apiUnavailable
    /// The prompt request did not finish within its budget.
    case timedOut(seconds: Double)
    /// Any other failure to fetch, verify or decrypt the prompt: its message and exit status.
    case promptFailed(message: String, status: ExitStatus)
    /// The mock inventory could not be made.
    case scanFailed(ScanError)

    package var description: String {
        switch self {
        case .projectNotFound(let path): "no such project directory: \(path)"
        case .noAPIKey: "No API key found. Run: /oss:login\nRegister at https://www.oneshotship.com"
        case .authenticationFailed: "Authentication failed. Run: /oss:login"
        case .subscriptionExpired: "Subscription expired. Upgrade at: https://www.oneshotship.com/pricing"
        case .apiUnavailable: "API temporarily unavailable. Contact support@oneshotship.com"
        case .timedOut(let seconds): "the OSS API did not answer within \(Self.format(seconds)) s; try again later"
        case .promptFailed(let message, _): "integration prompt not available: \(message)"
        case .scanFailed(let error): error.description
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Whether the description is one of the seed's messages, printed verbatim rather than as an error line.
    package var isSeedMessage: Bool {
        switch self {
        case .noAPIKey, .authenticationFailed, .subscriptionExpired, .apiUnavailable: true
        default: false
        }
    }

    /// What the tool writes to stderr: the seed's message as is, or `<tool>: error: <description>`.
    package func standardErrorText(tool: String) -> String {
        isSeedMessage ? description + "\n" : "\(tool): error: \(description)\n"
    }

    /// The failure reported as the `failed` workflow event's `reason`: the first line of the description.
    package var reason: String {
        String(description.split(separator: "\n", maxSplits: 1).first ?? "")
    }

    /// Classifies a failure of the prompt pipeline (`PromptDecryptor`): 401, 403 and 5xx become the seed's
    /// messages, a timeout is retryable, anything else keeps its own message and exit status (a missing prompt is
    /// "unavailable" rather than "no input": the input is the server's).
    package init(promptFailure error: any Error) {
        switch error {
        case DecryptError.noAPIKey:
            self = .noAPIKey
        case let error as APIError:
            switch error {
            case .unauthorized: self = .authenticationFailed
            case .timedOut(_, let seconds): self = .timedOut(seconds: seconds)
            case .promptNotFound: self = .promptFailed(message: error.description, status: .unavailable)
            case .server(let status, _), .requestFailed(let status):
                switch status {
                case 401: self = .authenticationFailed
                case 403: self = .subscriptionExpired
                case 500...599: self = .apiUnavailable
                default: self = .promptFailed(message: error.description, status: error.exitStatus)
                }
            default: self = .promptFailed(message: error.description, status: error.exitStatus)
            }
        case let error as any ReportableError:
            self = .promptFailed(message: error.description, status: error.exitStatus)
        default:
            self = .promptFailed(message: String(describing: error), status: .failure)
        }
    }
}

extension IntegrationError: ReportableError {
    /// sysexits: 77 for a missing key, 401 and 403; 69 for 5xx; 75 for a timeout; 66 for a missing project.
    package var exitStatus: ExitStatus {
        switch self {
        case .projectNotFound: .noInput
        case .noAPIKey, .authenticationFailed, .subscriptionExpired: .noPermission
        case .apiUnavailable: .unavailable
        case .timedOut: .tempFailure
        case .promptFailed(_, let status): status == .usage ? .failure : status
        case .scanFailed(let error): error.exitStatus
        }
    }
}
