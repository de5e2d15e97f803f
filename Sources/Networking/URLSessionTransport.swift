import Foundation
import Shared

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession: whole-second timeouts (Linux URLSession rejects sub-second ones), a streaming
/// size cap, and redirects allowed only when `URLPolicy` accepts the target.
///
/// One ephemeral session (no cookies, no cache) serves every request of the process. It is created in the
/// background as soon as the transport exists, because the first URLSession on Linux initialises libcurl and
/// OpenSSL, which takes longer than reading the config and credentials that come before the first request.
///
/// The only file in the package that imports FoundationNetworking, so tools without networking never load libcurl.
package final class URLSessionTransport: HTTPTransport, Sendable {
    private let router = TaskRouter()
    private let session: Task<URLSession, Never>

    /// Creates the transport and starts creating its session.
    package init() {
        let router = self.router
        session = Task.detached(priority: .high) {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 60
            configuration.timeoutIntervalForResource = 600
            configuration.urlCache = nil
            configuration.httpCookieStorage = nil
            configuration.httpShouldSetCookies = false
            return URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
        }
    }

    /// Waits until the background session creation has finished, so the process never exits while libcurl is
    /// half initialised.
    package func settle() async {
        _ = await session.value
    }

    /// Sends the request.
    /// - Throws: `APIError.insecureURL`, `.timedOut`, `.unreachable`, `.responseTooLarge` or `.redirectRefused`.
    package func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try URLPolicy.check(request.url)
        guard let url = URL(string: request.url) else {
            throw APIError.unreachable(url: request.url, reason: "invalid URL")
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        for header in request.headers { urlRequest.addValue(header.value, forHTTPHeaderField: header.name) }
        if let body = request.body { urlRequest.httpBody = Data(body) }
        urlRequest.timeoutInterval = max(1, request.timeout.rounded(.up))
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData

        let task = await session.value.dataTask(with: urlRequest)
        let exchange = Exchange(request: request, task: task)
        router.register(exchange, for: task)
        defer { router.unregister(task) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchange.start(continuation)
            }
        } onCancel: {
            exchange.fail(CancellationError())
        }
    }
}

/// The session delegate: forwards each callback to the exchange of its task.
private final class TaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let exchanges = LockedBox<[Int: Exchange]>([:])

    func register(_ exchange: Exchange, for task: URLSessionTask) {
        exchanges.withLock { $0[task.taskIdentifier] = exchange }
    }

    func unregister(_ task: URLSessionTask) {
        _ = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
    }

    private func exchange(_ task: URLSessionTask) -> Exchange? {
        exchanges.withLock { $0[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        completionHandler(exchange(dataTask)?.received(response) ?? .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(dataTask)?.received(data)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(exchange(task)?.redirect(from: task.currentRequest, to: newRequest))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        exchange(task)?.completed(error: error)
    }
}

/// One request's response being collected; resumes the waiting caller exactly once.
private final class Exchange: @unchecked Sendable {
    private struct State {
        var continuation: CheckedContinuation<HTTPResponse, any Error>?
        var response: HTTPURLResponse?
        var body = Data()
        var finished = false
    }

    private let request: HTTPRequest
    private let task: URLSessionDataTask
    private let state = LockedBox(State())

    init(request: HTTPRequest, task: URLSessionDataTask) {
        self.request = request
        self.task = task
    }

    func start(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let alreadyFinished = state.withLock { state -> Bool in
            if state.finished { return true }
            state.continuation = continuation
            return false
        }
        if alreadyFinished {
            continuation.resume(throwing: CancellationError())
            return
        }
        task.resume()
    }

    func fail(_ error: any Error) {
        finish(.failure(error))
    }

    func received(_ response: URLResponse) -> URLSession.ResponseDisposition {
        state.withLock { $0.response = response as? HTTPURLResponse }
        guard response.expectedContentLength <= Int64(request.maxResponseBytes) else {
            fail(APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes))
            return .cancel
        }
        return .allow
    }

    func received(_ data: Data) {
        let tooLarge = state.withLock { state -> Bool in
            state.body.append(data)
            return state.body.count > request.maxResponseBytes
        }
        if tooLarge { fail(APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes)) }
    }

    func redirect(from current: URLRequest?, to next: URLRequest) -> URLRequest? {
        let source = current?.url?.absoluteString ?? request.url
        let target = next.url?.absoluteString ?? ""
        guard URLPolicy.mayRedirect(from: source, to: target) else {
            // No cancel here: FoundationNetworking traps when a task is cancelled inside its redirect callback.
            // Declining the redirect completes the task with the 3xx response, which then finds us finished.
            finish(.failure(APIError.redirectRefused(from: source, to: target)), cancelTask: false)
            return nil
        }
        var allowed = next
        // Like fetch: credentials do not follow a redirect to another origin.
        if URLPolicy.components(source)?.host != URLPolicy.components(target)?.host
            || current?.url?.port != next.url?.port
        {
            allowed.setValue(nil, forHTTPHeaderField: "Authorization")
        }
        return allowed
    }

    func completed(error: (any Error)?) {
        if let error {
            if (error as? URLError)?.code == .timedOut {
                fail(APIError.timedOut(url: request.url, seconds: request.timeout))
            } else {
                fail(APIError.unreachable(url: request.url, reason: (error as NSError).localizedDescription))
            }
            return
        }
        let (response, body) = state.withLock { ($0.response, $0.body) }
        guard let response else {
            fail(APIError.unreachable(url: request.url, reason: "no HTTP response"))
            return
        }
        var headers: [HTTPHeader] = []
        for (name, value) in response.allHeaderFields {
            headers.append(HTTPHeader(String(describing: name), String(describing: value)))
        }
        finish(.success(HTTPResponse(status: response.statusCode, headers: headers, body: [UInt8](body))))
    }

    private func finish(_ result: Result<HTTPResponse, any Error>, cancelTask: Bool = true) {
        let continuation = state.withLock { state -> CheckedContinuation<HTTPResponse, any Error>? in
            guard !state.finished else { return nil }
            state.finished = true
            defer { state.continuation = nil }
            return state.continuation
        }
        if cancelTask, case .failure = result { task.cancel() }
        continuation?.resume(with: result)
    }
}
