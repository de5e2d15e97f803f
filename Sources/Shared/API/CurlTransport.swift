import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `HTTPTransport` that runs the system `curl` for each request.
///
/// Why not URLSession here: on Linux, linking FoundationNetworking costs ~10 ms at every start, the first request
/// pays for URLSession's set-up, and URLSession busy-polls the socket while it waits for a response (a core at
/// 100 % for the whole round trip, competing with PBKDF2 on a two-core machine). A `curl` child costs a few
/// milliseconds, waits in `poll`, and runs in parallel with the key derivation.
///
/// Safety: curl is taken from a fixed list of absolute paths (never `PATH`); `-q` ignores `~/.curlrc`; the URL,
/// headers and body travel on curl's stdin as a config file, so no secret is ever on argv; only http and https
/// are allowed; redirects are not followed by curl but here, one by one, under `URLPolicy` (credentials are
/// dropped when the origin changes); the body is capped while it is read; the child is killed on cancellation.
package struct CurlTransport: HTTPTransport {
    /// Where curl is looked for, in order.
    package static let candidates = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl", "/opt/homebrew/bin/curl"]
    private static let maxRedirects = 5
    /// The longest wait for a TCP (and proxy) connection, in seconds; the request's own budget still caps it.
    package static let connectTimeout = 10.0

    /// The curl executable used.
    package let executable: String
    private let environment: Environment

    /// A transport using the first executable candidate; nil when none exists.
    package init?(environment: Environment, candidates: [String] = CurlTransport.candidates) {
        guard let found = candidates.first(where: FileSystem.isExecutable) else { return nil }
        executable = found
        self.environment = environment
    }

    /// Sends the request, following up to five redirects that `URLPolicy` allows.
    /// - Throws: `APIError.insecureURL`, `.redirectRefused`, `.timedOut`, `.unreachable`, `.responseTooLarge`.
    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var current = request
        for _ in 0...Self.maxRedirects {
            try URLPolicy.check(current.url)
            let response = try await perform(current)
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location")
            else { return response }
            let target = Self.resolve(location, against: current.url)
            guard URLPolicy.mayRedirect(from: current.url, to: target) else {
                throw APIError.redirectRefused(from: current.url, to: target)
            }
            var next = current
            next.url = target
            if Self.origin(of: target) != Self.origin(of: current.url) {
                next.headers.removeAll { $0.name.lowercased() == "authorization" }
            }
            if response.status == 303 || (response.status <= 302 && current.method == "POST") {
                next.method = "GET"
                next.body = nil
            }
            current = next
        }
        throw APIError.unreachable(url: request.url, reason: "too many redirects")
    }

    /// One request, no redirects.
    private func perform(_ request: HTTPRequest) async throws -> HTTPResponse {
        let config = try Self.config(for: request)
        let arguments = Self.arguments(for: request)
        let child = CurlChild()
        return try await withTaskCancellationHandler {
            let outcome = await child.run(
                executable, arguments: arguments, environment: environment, input: config,
                limit: request.maxResponseBytes + 65_536)
            return try Self.response(from: outcome, for: request)
        } onCancel: {
            child.kill()
        }
    }

    /// curl's argv for a request (no secret: the URL and headers travel in the config on stdin).
    ///
    /// `--globoff`: a URL (or a redirect's `Location`) holding `[1-40]` or `{a,b}` is one URL, never 40 requests.
    /// `--suppress-connect-headers`: behind an HTTPS proxy, the proxy's `200 Connection established` block is not
    /// printed, so the first header block parsed is the server's. curl honours `https_proxy`/`HTTPS_PROXY`,
    /// `http_proxy`, `ALL_PROXY` and `NO_PROXY` from the environment.
    package static func arguments(for request: HTTPRequest) -> [String] {
        [
            "-q", "--silent", "--show-error", "--include", "--globoff", "--suppress-connect-headers",
            "--proto", "=http,https",
            "--connect-timeout", seconds(min(connectTimeout, request.timeout)),
            // Exactly the request's budget: if oss-decrypt itself is killed, the orphaned curl must not outlive it by more.
            "--max-time", seconds(request.timeout), "--max-filesize", String(request.maxResponseBytes),
            "--config", "-",
        ]
    }

    /// Turns curl's exit and output into a response or an `APIError`.
    private static func response(from outcome: CurlChild.Outcome, for request: HTTPRequest) throws -> HTTPResponse {
        if outcome.overflowed { throw APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes) }
        switch outcome.status {
        case 0: break
        case 28: throw APIError.timedOut(url: request.url, seconds: request.timeout)
        case 63: throw APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes)
        case nil: throw APIError.unreachable(url: request.url, reason: "cannot run curl")
        default:
            let message = String(decoding: outcome.stderr, as: UTF8.self).trimmingWhitespace
            throw APIError.unreachable(
                url: request.url,
                reason: message.isEmpty ? "curl exited with status \(outcome.status ?? -1)" : message)
        }
        guard let response = parse(outcome.stdout) else {
            throw APIError.unreachable(url: request.url, reason: "malformed HTTP response")
        }
        guard response.body.count <= request.maxResponseBytes else {
            throw APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes)
        }
        return response
    }

    /// Parses `--include` output: header blocks (1xx ones skipped) then the body.
    package static func parse(_ bytes: [UInt8]) -> HTTPResponse? {
        var start = 0
        while true {
            guard let end = headerEnd(bytes, from: start) else { return nil }
            // Split on LF bytes: as a Swift String, "\r\n" is one Character and would never equal "\n".
            var lines = bytes[start..<end.headerEnd].split(separator: 0x0A).map { line in
                String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
            }
            guard !lines.isEmpty else { return nil }
            let statusLine = lines.removeFirst().split(separator: " ")
            guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else {
                return nil
            }
            if (100..<200).contains(status) {
                start = end.bodyStart
                continue
            }
            var headers: [HTTPHeader] = []
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = String(line[..<colon])
                let value = String(line[line.index(after: colon)...]).trimmingWhitespace
                headers.append(HTTPHeader(name, value))
            }
            return HTTPResponse(status: status, headers: headers, body: Array(bytes[end.bodyStart...]))
        }
    }

    private static func headerEnd(_ bytes: [UInt8], from start: Int) -> (headerEnd: Int, bodyStart: Int)? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return (index, index + 2) }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// The curl config file for a request (read from stdin, so secrets stay off argv).
    /// - Throws: `APIError.unreachable` for a header that would inject lines.
    package static func config(for request: HTTPRequest) throws -> String {
        var lines = ["url = \(quote(request.url))", "request = \(quote(request.method))", "header = \"Expect:\""]
        for header in request.headers {
            let text = "\(header.name): \(header.value)"
            guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw APIError.unreachable(url: request.url, reason: "header \(header.name) contains a line break")
            }
            lines.append("header = \(quote(text))")
        }
        if let body = request.body {
            lines.append("data-raw = \(quote(String(decoding: body, as: UTF8.self)))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A curl config string: double quotes, with `\`, `"`, tab, CR and LF escaped.
    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `location` made absolute against `base` (absolute URLs, `//host/…` and `/path` forms).
    package static func resolve(_ location: String, against base: String) -> String {
        if location.contains("://") { return location }
        guard let schemeEnd = base.firstRange(of: "://") else { return location }
        let scheme = base[..<schemeEnd.lowerBound]
        if location.hasPrefix("//") { return scheme + ":" + location }
        let rest = base[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if location.hasPrefix("/") { return base[..<schemeEnd.upperBound] + authority + location }
        let path = rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" }
        let directory = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
        return base[..<schemeEnd.upperBound] + authority + directory + location
    }

    private static func origin(of url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        return url[..<schemeEnd.upperBound].lowercased()
            + rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
    }

    private static func seconds(_ value: Double) -> String {
        let millis = Int((max(value, 0.001) * 1000).rounded(.up))
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - String(millis % 1000).count))\(millis % 1000)"
    }
}

/// One curl child run by `ChildProcess` on a thread of its own (never a cooperative one): config on stdin,
/// stdout and stderr captured, killed when the request's task is cancelled.
private final class CurlChild: Sendable {
    struct Outcome {
        var status: Int32?
        var stdout: [UInt8]
        var stderr: [UInt8]
        var overflowed: Bool
    }

    private let cancellation = ChildCancellation()

    func kill() {
        cancellation.cancel()
    }

    func run(_ executable: String, arguments: [String], environment: Environment, input: String, limit: Int) async
        -> Outcome
    {
        await withCheckedContinuation { continuation in
            DispatchQueue(label: "oss.curl").async {
                let result = ChildProcess.run(
                    executable, arguments: arguments, environment: environment, stdin: .bytes(Array(input.utf8)),
                    stdout: .capture(limit: limit), stderr: .capture(limit: 16_384), cancellation: self.cancellation)
                continuation.resume(
                    returning: Outcome(
                        status: result.status, stdout: result.stdout, stderr: result.stderr,
                        overflowed: result.overflowed))
            }
        }
    }
}
