import Shared

/// Time budgets of oss-decrypt's network work (upstream had none except the manifest's 3 s; D37).
package struct DecryptTimeouts: Equatable, Sendable {
    /// Environment variable overriding `request` (seconds, > 0 and ≤ 600).
    package static let environmentVariable = "OSS_HTTP_TIMEOUT"

    /// Whole budget of a prompt, custom-prompt, credentials or stand-alone manifest request: enough for a cold
    /// start of the hosted API, short enough that a hung API does not hold a slash command for long. Connecting
    /// is capped separately at `CurlTransport.connectTimeout` (10 s).
    package var request: Double = 30
    /// How long decrypt waits for the manifest once the prompt is decrypted (contract: 3 s).
    package var manifest: Double = 3
    /// Whole budget of `--workflow-config`.
    package var workflowConfig: Double = 10
    /// Budget of each `--deliver` request.
    package var deliverEach: Double = 5
    /// Budget of a whole `--deliver` run.
    package var deliverTotal: Double = 15

    /// The defaults.
    package init() {}

    /// The defaults with `OSS_HTTP_TIMEOUT` applied to `request` when it is a sane number.
    package init(environment: Environment) {
        if let text = environment.nonEmpty(Self.environmentVariable), let seconds = Double(text), seconds > 0,
            seconds <= 600
        {
            request = seconds
        }
    }
}
