import Foundation
import Shared

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over URLSession: whole-second timeouts (Linux URLSession rejects sub-second ones), a streaming
/// size cap, and redirects allowed only when `URLPolicy` accepts the target.
///
/// The only file in the package that imports FoundationNetworking, so tools without networking never load libcurl.
package struct URLSessionTransport: HTTPTransport {
    /// Creates a transport; each request gets its own ephemeral session (no cookies, no cache).
    package init() {}

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
        let seconds = max(1, request.timeout.rounded(.up))
        urlRequest.timeoutInterval = seconds
        urlRequest.cachePolicy = .reloadIgnoringLocalCacheData

        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false

        let delegate = SessionDelegate(request: request)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.start(session.dataTask(with: urlRequest), continuation: continuation)
            }
        } onCancel: {
            delegate.fail(CancellationError())
        }
    }
}

/// Collects one data task's response and resumes the waiting caller exactly once.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct State {
        var continuation: CheckedContinuation<HTTPResponse, any Error>?
        var task: URLSessionDataTask?
        var response: HTTPURLResponse?
        var body = Data()
        var finished = false
    }

    private let request: HTTPRequest
    private let state = LockedBox(State())

    init(request: HTTPRequest) {
        self.request = request
    }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let alreadyFailed = state.withLock { state -> Bool in
            state.task = task
            if state.finished { return true }
            state.continuation = continuation
            return false
        }
        if alreadyFailed {
            continuation.resume(throwing: CancellationError())
            return
        }
        task.resume()
    }

    func fail(_ error: any Error) {
        finish(.failure(error))
    }

    private func finish(_ result: Result<HTTPResponse, any Error>) {
        let (continuation, task) = state.withLock { state -> (CheckedContinuation<HTTPResponse, any Error>?, URLSessionDataTask?) in
            guard !state.finished else { return (nil, nil) }
            state.finished = true
            defer { state.continuation = nil }
            return (state.continuation, state.task)
        }
        if case .failure = result { task?.cancel() }
        continuation?.resume(with: result)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        state.withLock { $0.response = http }
        if response.expectedContentLength > Int64(request.maxResponseBytes) {
            completionHandler(.cancel)
            fail(APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes))
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = state.withLock { state -> Bool in
            state.body.append(data)
            return state.body.count > request.maxResponseBytes
        }
        if tooLarge { fail(APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes)) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let source = task.currentRequest?.url?.absoluteString ?? request.url
        let target = newRequest.url?.absoluteString ?? ""
        guard URLPolicy.mayRedirect(from: source, to: target) else {
            completionHandler(nil)
            fail(APIError.redirectRefused(from: source, to: target))
            return
        }
        var next = newRequest
        // Like fetch: credentials do not follow a redirect to another origin.
        if URLPolicy.components(source)?.host != URLPolicy.components(target)?.host
            || task.currentRequest?.url?.port != newRequest.url?.port
        {
            next.setValue(nil, forHTTPHeaderField: "Authorization")
        }
        completionHandler(next)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            let code = (error as? URLError)?.code
            if code == .timedOut {
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
}
