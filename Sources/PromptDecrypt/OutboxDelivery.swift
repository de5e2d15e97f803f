import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hidden `--deliver <outbox-file>`: the detached background sender for oss-notify's analytics and Telegram
/// requests. It accepts only files in `~/.oss/outbox/` (any other path is left untouched, so the flag can never
/// delete a user's file), deletes the file at once (so nothing is sent twice), sends every request concurrently under a
/// per-request and an overall budget, applies the https-or-loopback rule, prints nothing, and appends one line per
/// failure (origin and reason only: no paths, headers or bodies, which may hold tokens) to
/// `~/.oss/logs/delivery.log`.
package struct OutboxDelivery: Sendable {
    private let context: DecryptContext

    /// A sender over `context`.
    package init(context: DecryptContext) {
        self.context = context
    }

    /// `~/.oss/logs/delivery.log`.
    package var logFile: String { context.paths.globalLogsDir.appendingPathComponent("delivery.log") }

    /// Delivers the file's requests; returns the number of failures (also logged).
    @discardableResult
    package func run(path: String) async -> Int {
        guard isInOutbox(path) else {
            logFailures(["outbox \(path.lastPathComponent): not in \(context.paths.outboxDir); left untouched"])
            return 1
        }
        let requests: [OutboxRequest]
        do {
            requests = try Outbox.read(path)
        } catch {
            FileSystem.remove(path)
            logFailures(["outbox \(path.lastPathComponent): \(error)"])
            return 1
        }
        FileSystem.remove(path)
        // Outbox files of senders that died before reading them hold the bearer key: swept once stale.
        StaleFiles.sweepGlobal(paths: context.paths, now: context.clock.now())
        let timeouts = context.timeouts
        let transport = context.transport
        let outcomes = LockedBox<[Int: String?]>([:])
        let total = timeouts.deliverTotal
        _ = try? await Deadline.run(seconds: total, timeoutError: { APIError.timedOut(url: "outbox", seconds: total) })
        {
            await withTaskGroup(of: Void.self) { group in
                for (index, request) in requests.enumerated() {
                    group.addTask {
                        let failure = await Self.send(request, timeout: timeouts.deliverEach, transport: transport)
                        // A request cut off by the overall budget fails as cancelled ("unreachable"); leave it
                        // unrecorded so it is logged as not sent in time.
                        if failure != nil, Task.isCancelled { return }
                        outcomes.withLock { $0[index] = .some(failure) }
                    }
                }
            }
        }
        let finished = outcomes.current
        var failures: [String] = []
        for (index, request) in requests.enumerated() {
            let origin = Self.origin(of: request.url)
            switch finished[index] {
            case .none: failures.append("\(request.method) \(origin): not sent within \(Self.seconds(total)) s")
            case .some(.some(let reason)): failures.append("\(request.method) \(origin): \(reason)")
            case .some(.none): break
            }
        }
        logFailures(failures)
        return failures.count
    }

    /// Whether `path` names an entry of the outbox directory (both resolved, so `..` and symlinked parents count
    /// for what they point at).
    private func isInOutbox(_ path: String) -> Bool {
        guard let outbox = FileSystem.realPath(context.paths.outboxDir),
            let parent = FileSystem.realPath(path.deletingLastPathComponent)
        else { return false }
        let name = path.lastPathComponent
        return parent == outbox && name != "." && name != ".."
    }

    /// Sends one request; nil on a 2xx answer, else a reason without secrets.
    private static func send(_ request: OutboxRequest, timeout: Double, transport: any HTTPTransport) async
        -> String?
    {
        guard URLPolicy.isAllowed(request.url) else { return "refused: not https and not loopback" }
        let httpRequest = HTTPRequest(
            method: request.method, url: request.url, headers: request.headers,
            body: request.body.isEmpty ? nil : Array(request.body.utf8), timeout: timeout,
            maxResponseBytes: 1024 * 1024)
        do {
            let response = try await APIClient.perform(httpRequest, on: transport)
            return response.isSuccess ? nil : "HTTP \(response.status)"
        } catch {
            switch error {
            case .timedOut: return "timed out after \(seconds(timeout)) s"
            case .redirectRefused: return "redirect refused"
            case .responseTooLarge: return "response too large"
            case .insecureURL: return "refused: not https and not loopback"
            default: return "unreachable"
            }
        }
    }

    private func logFailures(_ failures: [String]) {
        guard !failures.isEmpty else { return }
        try? FileSystem.createDirectories(context.paths.globalLogsDir, mode: 0o700)
        let stamp = TimeFormatter.isoUTC(context.clock.now())
        for failure in failures {
            _ = try? FileSystem.appendLine("\(stamp) deliver failed: \(failure)", to: logFile, mode: 0o600)
        }
    }

    /// `scheme://host[:port]` of a URL, or `invalid URL`; never the path or query (a bot token lives there).
    package static func origin(of url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return "invalid URL" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map(String.init) ?? ""
        return url[..<schemeEnd.upperBound] + host
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
