import Shared

/// oss-decrypt as a function of its arguments and context: dispatches the action, prints `Error: <message>` for
/// failures, and returns the exit status.
package enum DecryptTool {
    /// The version printed by `--version` (one semver token, at least upstream's 1.2.1).
    package static let version = ToolVersion.current

    /// Runs one invocation.
    package static func run(_ arguments: [String], context: DecryptContext) async -> Int32 {
        let parsed = DecryptArguments(arguments)
        let debug = DebugLog(enabled: parsed.debug, console: context.console, clock: context.clock)
        let console = context.console
        switch parsed.action {
        case .help(let requested):
            console.out(DecryptHelp.text)
            return requested ? 0 : 1
        case .version:
            console.line("oss-decrypt v\(version)")
            return 0
        case .deliver(let path):
            await OutboxDelivery(context: context).run(path: path)
            return 0
        case .workflowConfig(let name):
            do {
                try await WorkflowConfigFetcher(context: context).run(name: name)
                return 0
            } catch {
                console.errorLine("Error: \(error)")
                return (error as? any ReportableError)?.exitStatus.rawValue ?? ExitStatus.failure.rawValue
            }
        default:
            do {
                return try await runContractAction(parsed, context: context, debug: debug)
            } catch {
                console.errorLine("Error: \(error)")
                return contractExitStatus(for: error)
            }
        }
    }

    /// The exit status of a failed contract action: 1, as upstream, except 75 for a timeout (upstream never
    /// timed out, so no caller depends on that case).
    package static func contractExitStatus(for error: any Error) -> Int32 {
        if case .timedOut = error as? APIError { return ExitStatus.tempFailure.rawValue }
        return ExitStatus.failure.rawValue
    }

    private static func runContractAction(_ parsed: DecryptArguments, context: DecryptContext, debug: DebugLog)
        async throws -> Int32
    {
        switch parsed.action {
        case .setup:
            try await CredentialSetup(context: context, debug: debug).run()
        case .clearCache:
            let removed = PromptCache.clear(directory: context.paths.promptCacheDir)
            debug.log(.cache, "Removed \(removed) cached prompt file(s)")
            context.console.line("Cache cleared.")
            context.console.line("Note: Prompts are always fetched fresh from the API; nothing is cached on disk.")
        case .verifyManifest:
            return try await ManifestReport(context: context).verify()
        case .listPrompts(let category):
            try await ManifestReport(context: context).list(category: category)
        case .decrypt(let type, let name):
            try await PromptDecryptor(context: context, debug: debug).run(type: type, name: name)
        case .help, .version, .deliver, .workflowConfig:
            break
        }
        return 0
    }
}
