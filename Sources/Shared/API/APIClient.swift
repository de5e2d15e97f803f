/// The OSS API over an injected `HTTPTransport` (compatibility.md#api), with a deadline and size cap on every request.
package struct APIClient: Sendable {
    /// The API base URL (`apiUrl`).
    package var baseURL: String
    /// The transport.
    package var transport: any HTTPTransport
    /// Budget in seconds for each request that has no budget of its own.
    package var timeout: Double
    /// Largest accepted response body.
    package var maxResponseBytes: Int
    /// Called when a failed response carries `X-OSS-Clear-Cache: true`, before the error is thrown.
    package var onClearCacheDirective: @Sendable () -> Void

    /// Creates a client.
    package init(
        baseURL: String,
        transport: any HTTPTransport,
        timeout: Double,
        maxResponseBytes: Int = HTTPRequest.defaultMaxResponseBytes,
        onClearCacheDirective: @escaping @Sendable () -> Void = {}
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.onClearCacheDirective = onClearCacheDirective
    }

    /// `GET /api/v1/auth/credentials?hardwareId=…` with the API key.
    /// - Throws: `APIError`; non-2xx gives the body's `error` or `Request failed` (no 404/401 mapping, as upstream).
    package func fetchCredentials(apiKey: String, hardwareID: String) async throws(APIError) -> CredentialsGrant {
        let response = try await send(.credentials(hardwareID: hardwareID), apiKey: apiKey)
        guard response.isSuccess else { throw failure(response, mapPromptStatuses: false) }
        let url = Endpoint.credentials(hardwareID: hardwareID).url(baseURL: baseURL)
        guard let json = response.json, let userID = json["userId"]?.stringValue,
            let salt = json["salt"]?.stringValue, let boundID = json["hardwareId"]?.stringValue
        else { throw .invalidResponse(url: url, reason: "expected {userId, salt, hardwareId}") }
        return CredentialsGrant(userID: userID, salt: salt, hardwareID: boundID)
    }

    /// The encrypted prompt for a non-custom reference.
    /// - Throws: `APIError.promptNotFound` (404), `.unauthorized` (401), the body's error, or a transport error.
    package func fetchEncryptedPrompt(_ reference: PromptReference, apiKey: String) async throws(APIError)
        -> EncryptedPayload
    {
        let response = try await send(.prompt(reference), apiKey: apiKey)
        guard response.isSuccess else { throw failure(response, mapPromptStatuses: true) }
        guard let payload = response.json.flatMap(EncryptedPayload.init(json:)) else {
            throw .invalidResponse(
                url: Endpoint.prompt(reference).url(baseURL: baseURL), reason: "expected {encrypted, iv, authTag}")
        }
        return payload
    }

    /// The plaintext `prompt` of a custom prompt (`{prompt, name, displayName, isBlocking}`).
    /// - Throws: as `fetchEncryptedPrompt`.
    package func fetchCustomPrompt(_ reference: PromptReference, apiKey: String) async throws(APIError) -> String {
        let response = try await send(.prompt(reference), apiKey: apiKey)
        guard response.isSuccess else { throw failure(response, mapPromptStatuses: true) }
        guard let prompt = response.json?["prompt"]?.stringValue else {
            throw .invalidResponse(url: Endpoint.prompt(reference).url(baseURL: baseURL), reason: "expected {prompt}")
        }
        return prompt
    }

    /// The manifest, or nil when it cannot be had (non-2xx, transport failure, timeout, not JSON): callers treat
    /// that as "unavailable".
    package func fetchManifest(timeout manifestTimeout: Double? = nil) async -> JSONValue? {
        guard let response = try? await send(.manifest, apiKey: nil, timeout: manifestTimeout), response.isSuccess
        else { return nil }
        return response.json
    }

    /// The encrypted workflow config `GET /api/v1/workflows/<name>`.
    /// - Throws: `APIError.invalidName` before any request, otherwise as `fetchEncryptedPrompt`.
    package func fetchWorkflowConfig(name: String, apiKey: String) async throws(APIError) -> EncryptedPayload {
        try PromptReference.validate(name: name)
        let response = try await send(.workflowConfig(name: name), apiKey: apiKey)
        guard response.isSuccess else { throw failure(response, mapPromptStatuses: true) }
        guard let payload = response.json.flatMap(EncryptedPayload.init(json:)) else {
            throw .invalidResponse(
                url: Endpoint.workflowConfig(name: name).url(baseURL: baseURL),
                reason: "expected {encrypted, iv, authTag}")
        }
        return payload
    }

    /// Sends a request to an endpoint: URL policy first, then the transport under a deadline.
    private func send(_ endpoint: Endpoint, apiKey: String?, timeout requestTimeout: Double? = nil)
        async throws(APIError) -> HTTPResponse
    {
        let url = endpoint.url(baseURL: baseURL)
        try URLPolicy.check(url)
        var headers: [HTTPHeader] = []
        if let apiKey {
            headers = [HTTPHeader("Authorization", "Bearer \(apiKey)"), HTTPHeader("Content-Type", "application/json")]
        }
        let budget = requestTimeout ?? timeout
        let request = HTTPRequest(
            url: url, headers: headers, timeout: budget, maxResponseBytes: maxResponseBytes)
        return try await Self.perform(request, on: transport)
    }

    /// Sends any request through a transport under `request.timeout`, mapping unknown failures to `APIError`.
    package static func perform(_ request: HTTPRequest, on transport: any HTTPTransport) async throws(APIError)
        -> HTTPResponse
    {
        do {
            let response = try await Deadline.run(
                seconds: request.timeout,
                timeoutError: { APIError.timedOut(url: request.url, seconds: request.timeout) }
            ) {
                try await transport.send(request)
            }
            guard response.body.count <= request.maxResponseBytes else {
                throw APIError.responseTooLarge(url: request.url, limit: request.maxResponseBytes)
            }
            return response
        } catch let error as APIError {
            throw error
        } catch {
            throw .unreachable(url: request.url, reason: String(describing: error))
        }
    }

    /// The error for a non-2xx response, after honouring the clear-cache directive.
    private func failure(_ response: HTTPResponse, mapPromptStatuses: Bool) -> APIError {
        if response.header("X-OSS-Clear-Cache") == "true" { onClearCacheDirective() }
        if mapPromptStatuses {
            if response.status == 404 { return .promptNotFound }
            if response.status == 401 { return .unauthorized }
        }
        if let message = response.json?["error"]?.stringValue, !message.isEmpty {
            return .server(status: response.status, message: message)
        }
        return .requestFailed(status: response.status)
    }
}
