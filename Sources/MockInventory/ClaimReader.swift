/// Reads the claims of the mocks found in one file: HTTP requests and responses, SQL statements and returned
/// columns, stubbed members. One pass per file for the member and SQL scans, one chain read per mock.
struct ClaimReader {
    let source: SourceText
    let lines: LineIndex

    private static let httpMethods: Set<String> = ["get", "post", "put", "patch", "delete", "head", "options", "all"]

    /// Claims per match (same order as `matches`).
    func claims(for matches: [MockMatcher.Match]) -> [[MockClaim]] {
        var result = matches.map { claims(for: $0) }
        attachMembers(matches: matches, into: &result)
        attachSQL(matches: matches, into: &result)
        return result
    }

    private func line(_ offset: Int) -> Int { lines.line(of: offset) }

    private func claims(for match: MockMatcher.Match) -> [MockClaim] {
        let open = match.end - 1
        let hasCall = open >= 0 && open < source.masked.count && source.masked[open] == UInt8(ascii: "(")
        let arguments = hasCall ? source.arguments(openParen: open) : []
        let afterCall = hasCall ? source.closing(open) : match.end
        switch match.framework {
        case "nock":
            return nock(base: match.target, after: afterCall, line: line(match.offset))
        case "msw":
            return [.http(msw(match: match, arguments: arguments))]
        case "fetch-mock":
            return [.http(fetchMock(match: match, arguments: arguments))]
        case "webmock":
            return [.http(webmock(match: match, arguments: arguments, after: afterCall))]
        case "responses", "requests-mock", "respx", "pytest-httpx":
            return [.http(pythonHTTP(match: match, arguments: arguments, after: afterCall))]
        case "WireMock":
            return [.http(wiremock(match: match, arguments: arguments))]
        case "gock":
            return [.http(gock(match: match, after: afterCall))]
        case "httpmock":
            var claim = httpClaim(url: match.target, line: line(match.offset))
            if let first = arguments.first, let method = source.stringLiteral(first) { claim.method = method.uppercased() }
            return [.http(claim)]
        case "Mocker":
            return [.http(mocker(match: match, arguments: arguments))]
        case "jest", "vitest":
            return moduleMock(match: match, arguments: arguments, after: afterCall)
        case "sinon":
            return [.module(ModuleClaim(target: match.target, members: member(of: match.target, arguments: arguments), line: line(match.offset)))]
        case "unittest.mock", "pytest-mock", "pytest monkeypatch":
            let create = source.keywordArgument("create", in: arguments).map { source.text($0) == "True" } ?? false
            return [.module(ModuleClaim(target: match.target, createAllowed: create, line: line(match.offset)))]
        case "rspec-mocks":
            return [.module(rspec(match: match))]
        case "sqlmock", "httptest", "testing/fstest", "URLProtocol stub", "miniredis":
            return []
        default:
            return [.module(ModuleClaim(target: match.target, line: line(match.offset)))]
        }
    }

    // MARK: HTTP

    private func httpClaim(url: String?, line: Int) -> HTTPClaim {
        var claim = HTTPClaim(url: url, line: line)
        guard let url else { return claim }
        if let host = TargetClassifier.host(ofURL: url.lowercased()) {
            claim.host = host
            let afterScheme = url.firstRange(ofText: "://").map { url[$0.upperBound...] } ?? Substring(url)
            let path = afterScheme.drop { $0 != "/" }
            claim.path = Self.strippedQuery(String(path))
            if claim.path?.isEmpty ?? true { claim.path = nil }
        } else if url.hasPrefix("/") {
            claim.path = Self.strippedQuery(url)
        }
        return claim
    }

    private static func strippedQuery(_ path: String) -> String {
        String(path.prefix { $0 != "?" && $0 != "#" })
    }

    /// `nock(base).get('/p').reply(200, {…})…`: one claim per interceptor.
    private func nock(base: String, after: Int, line: Int) -> [MockClaim] {
        var claims: [HTTPClaim] = []
        let base = base.hasSuffix("/") ? String(base.dropLast()) : base
        for link in source.chain(after: after) {
            let lower = link.name.lowercased()
            if Self.httpMethods.contains(lower) || lower == "intercept" {
                var method = link.name.uppercased()
                var pathArgument = link.arguments.first
                if lower == "intercept" {
                    pathArgument = link.arguments.first
                    method = link.arguments.count > 1 ? (source.stringLiteral(link.arguments[1]) ?? "").uppercased() : ""
                }
                let path = pathArgument.flatMap { source.stringLiteral($0) ?? templateText($0) } ?? ""
                var claim = httpClaim(url: base + (path.hasPrefix("/") || path.isEmpty ? path : "/" + path), line: self.line(link.offset))
                claim.method = method.isEmpty ? nil : method
                if link.arguments.count > 1, lower != "intercept" { claim.requestFields = source.literalKeys(link.arguments[1]) }
                claims.append(claim)
            } else if link.name.hasPrefix("reply"), var last = claims.popLast() {
                if let first = link.arguments.first { last.status = source.integer(first) }
                if link.name == "replyWithFile", link.arguments.count > 1 {
                    last.fixture = source.firstString(in: link.arguments[1].lowerBound..<link.arguments[1].upperBound)
                } else if link.arguments.count > 1 {
                    last.responseFields = source.literalKeys(link.arguments[1])
                } else if let first = link.arguments.first, last.status == nil {
                    last.responseFields = source.literalKeys(first)
                    if !last.responseFields.isEmpty { last.status = 200 }
                }
                claims.append(last)
            }
        }
        if claims.isEmpty { claims.append(httpClaim(url: base, line: line)) }
        return claims.map { .http($0) }
    }

    /// A template literal's text (`` `/${id}` ``) as written.
    private func templateText(_ range: Range<Int>) -> String? {
        let trimmed = source.trim(range)
        guard let first = trimmed.first, source.masked[first] == UInt8(ascii: "`") else { return nil }
        return String(decoding: source.bytes[(first + 1)..<max(first + 1, trimmed.upperBound - 1)], as: UTF8.self)
    }

    /// `http.get(url, handler)`, `rest.post(url, (req, res, ctx) => res(ctx.status(201), ctx.json({…})))`.
    private func msw(match: MockMatcher.Match, arguments: [Range<Int>]) -> HTTPClaim {
        var claim = httpClaim(url: match.target, line: line(match.offset))
        let name = String(decoding: source.masked[match.offset..<max(match.offset, match.end - 1)], as: UTF8.self)
        if let method = name.split(separator: ".").last.map(String.init), Self.httpMethods.contains(method), method != "all" {
            claim.method = method.uppercased()
        }
        guard arguments.count > 1, let handler = arguments.last else { return claim }
        claim.status = statusIn(handler) ?? 200
        claim.responseFields = jsonBodyKeys(in: handler)
        return claim
    }

    /// The first `status: N`, `status(N)`, `withStatus(N)`, `status=N` in `range`.
    private func statusIn(_ range: Range<Int>) -> Int? {
        let masked = source.masked
        var index = range.lowerBound
        let needles: [[UInt8]] = ["status", "status_code", "statusCode", "withStatus", "setResponseCode"].map { Array($0.utf8) }
        while index < range.upperBound {
            if masked[index] == UInt8(ascii: "s") || masked[index] == UInt8(ascii: "w") {
                for needle in needles where index + needle.count < range.upperBound
                    && masked[index..<(index + needle.count)].elementsEqual(needle)
                    && (index == 0 || !masked[index - 1].isIdentifierByte)
                    && !masked[index + needle.count].isIdentifierByte
                {
                    var cursor = source.skipWhitespace(from: index + needle.count)
                    if cursor < range.upperBound,
                        masked[cursor] == UInt8(ascii: ":") || masked[cursor] == UInt8(ascii: "(")
                            || masked[cursor] == UInt8(ascii: "=")
                    {
                        cursor = source.skipWhitespace(from: cursor + 1)
                        var end = cursor
                        while end < range.upperBound, masked[end] >= UInt8(ascii: "0"), masked[end] <= UInt8(ascii: "9") { end += 1 }
                        if end > cursor, end - cursor == 3 { return Int(String(decoding: masked[cursor..<end], as: UTF8.self)) }
                    }
                }
            }
            index += 1
        }
        return nil
    }

    /// Keys of the first literal passed to `json(`, `HttpResponse.json(`, `ctx.json(`, `res.json(` in `range`.
    private func jsonBodyKeys(in range: Range<Int>) -> [String] {
        let masked = source.masked
        let needle = Array("json(".utf8)
        var index = range.lowerBound
        while index + needle.count < range.upperBound {
            if masked[index] == UInt8(ascii: "j"), masked[index..<(index + needle.count)].elementsEqual(needle),
                index == 0 || !masked[index - 1].isIdentifierByte || masked[index - 1] == UInt8(ascii: ".")
            {
                if let first = source.arguments(openParen: index + needle.count - 1).first {
                    return source.literalKeys(first)
                }
            }
            index += 1
        }
        return []
    }

    private func fetchMock(match: MockMatcher.Match, arguments: [Range<Int>]) -> HTTPClaim {
        var claim = httpClaim(url: match.target, line: line(match.offset))
        let name = String(decoding: source.masked[match.offset..<max(match.offset, match.end - 1)], as: UTF8.self)
        let method = (name.split(separator: ".").last.map(String.init) ?? "").replacingOnce("Once", with: "")
        if Self.httpMethods.contains(method) { claim.method = method.uppercased() }
        if arguments.count > 1 {
            let response = arguments[1]
            claim.status = source.integer(response) ?? statusIn(response)
            let keys = source.literalKeys(response)
            if let bodyRange = source.keywordArgument("body", in: source.arguments(openParen: source.skipWhitespace(from: response.lowerBound))) {
                claim.responseFields = source.literalKeys(bodyRange)
            } else if !keys.contains("status") && !keys.contains("body") {
                claim.responseFields = keys
            }
        }
        return claim
    }

    /// `stub_request(:post, url).with(body: {…}).to_return(status: 201, body: {…}.to_json)`.
    private func webmock(match: MockMatcher.Match, arguments: [Range<Int>], after: Int) -> HTTPClaim {
        var claim = httpClaim(url: match.target, line: line(match.offset))
        if let first = arguments.first {
            let method = source.value(first).uppercased()
            if method != "ANY", !method.contains("/") { claim.method = method }
        }
        for link in source.chain(after: after) {
            if link.name == "with", let body = source.keywordArgument("body", in: link.arguments) {
                claim.requestFields = source.literalKeys(body)
            } else if link.name == "to_return" {
                let hash = link.arguments.count == 1 ? hashArguments(link.arguments[0]) : link.arguments
                if let status = source.keywordArgument("status", in: hash) { claim.status = source.integer(status) }
                if let body = source.keywordArgument("body", in: hash) {
                    claim.responseFields = source.literalKeys(body)
                    if claim.responseFields.isEmpty, let fixture = fixtureName(in: body) { claim.fixture = fixture }
                }
                if claim.status == nil { claim.status = 200 }
            }
        }
        return claim
    }

    /// The entries of a `{…}` literal argument, or the argument itself.
    private func hashArguments(_ range: Range<Int>) -> [Range<Int>] {
        let start = source.skipWhitespace(from: range.lowerBound)
        guard start < source.masked.count, source.masked[start] == UInt8(ascii: "{") else { return [range] }
        return source.arguments(openParen: start)
    }

    /// A fixture file named in `range` (`File.read("spec/fixtures/x.json")`, `fixture("x.json")`).
    private func fixtureName(in range: Range<Int>) -> String? {
        guard let text = source.firstString(in: (range.lowerBound - 1)..<range.upperBound) else { return nil }
        let lower = text.lowercased()
        return lower.hasSuffix(".json") || lower.hasSuffix(".xml") || lower.hasSuffix(".html") || lower.hasSuffix(".txt")
            ? text : nil
    }

    /// `responses.add(responses.GET, url, json=…, status=…)`, `requests_mock.get(url, json=…, status_code=…)`,
    /// `respx.get(url).mock(return_value=Response(200, json=…))`, `httpx_mock.add_response(url=…, json=…)`.
    private func pythonHTTP(match: MockMatcher.Match, arguments: [Range<Int>], after: Int) -> HTTPClaim {
        var claim = httpClaim(url: match.target == "httpx" || match.target == "requests" ? nil : match.target, line: line(match.offset))
        let name = String(decoding: source.masked[match.offset..<max(match.offset, match.end - 1)], as: UTF8.self)
        let function = name.split(separator: ".").last.map(String.init) ?? ""
        if Self.httpMethods.contains(function) { claim.method = function.uppercased() }
        if let first = arguments.first {
            let text = source.text(first)
            if let dot = text.lastIndex(of: "."), text.hasPrefix("responses.") {
                claim.method = String(text[text.index(after: dot)...]).uppercased()
            }
        }
        if let method = source.keywordArgument("method", in: arguments) {
            claim.method = (source.stringLiteral(method) ?? source.text(method)).uppercased()
        }
        var all = arguments
        for link in source.chain(after: after) where link.name == "mock" || link.name == "respond" {
            all += link.arguments
            if let value = source.keywordArgument("return_value", in: link.arguments) {
                let open = source.skipWhitespace(from: value.lowerBound)
                let paren = source.masked[open..<value.upperBound].firstIndex(of: UInt8(ascii: "("))
                if let paren {
                    let inner = source.arguments(openParen: paren)
                    if let first = inner.first, let status = source.integer(first) { claim.status = status }
                    all += inner
                }
            }
            if let first = link.arguments.first, let status = source.integer(first) { claim.status = status }
        }
        for key in ["status", "status_code"] {
            if let status = source.keywordArgument(key, in: all), let value = source.integer(status) { claim.status = value }
        }
        if let json = source.keywordArgument("json", in: all) { claim.responseFields = source.literalKeys(json) }
        if claim.status == nil, match.framework != "respx" { claim.status = 200 }
        return claim
    }

    /// `stubFor(post(urlEqualTo("/x")).withRequestBody(…).willReturn(aResponse().withStatus(201).withBodyFile("f")))`.
    private func wiremock(match: MockMatcher.Match, arguments: [Range<Int>]) -> HTTPClaim {
        var claim = httpClaim(url: match.target, line: line(match.offset))
        guard let first = arguments.first else { return claim }
        let start = source.skipWhitespace(from: first.lowerBound)
        let name = String(decoding: source.masked[source.identifier(at: start)], as: UTF8.self)
        if Self.httpMethods.contains(name.lowercased()) { claim.method = name.uppercased() }
        claim.status = statusIn(first)
        let needle = Array("withBodyFile(".utf8)
        var index = first.lowerBound
        while index + needle.count < first.upperBound {
            if source.masked[index] == UInt8(ascii: "w"), source.masked[index..<(index + needle.count)].elementsEqual(needle) {
                claim.fixture = source.firstString(in: (index + needle.count - 1)..<first.upperBound)
                break
            }
            index += 1
        }
        return claim
    }

    /// `gock.New(base).Get("/p").Reply(200).JSON(map…)`.
    private func gock(match: MockMatcher.Match, after: Int) -> HTTPClaim {
        var claim = httpClaim(url: match.target, line: line(match.offset))
        for link in source.chain(after: after) {
            let lower = link.name.lowercased()
            if Self.httpMethods.contains(lower) {
                claim.method = lower.uppercased()
                if let path = link.arguments.first.flatMap({ source.stringLiteral($0) }) {
                    claim = { var updated = httpClaim(url: match.target + path, line: claim.line); updated.method = claim.method; return updated }()
                }
            } else if link.name == "Reply", let first = link.arguments.first {
                claim.status = source.integer(first)
            } else if link.name == "File", let first = link.arguments.first {
                claim.fixture = source.stringLiteral(first)
            }
        }
        return claim
    }

    /// Swift Mocker: `Mock(url: URL(string: "…")!, dataType: .json, statusCode: 200, data: [.get: …]).register()`.
    private func mocker(match: MockMatcher.Match, arguments: [Range<Int>]) -> HTTPClaim {
        var claim = httpClaim(url: match.target, line: line(match.offset))
        if let status = source.keywordArgument("statusCode", in: arguments) { claim.status = source.integer(status) }
        if let data = source.keywordArgument("data", in: arguments) {
            let start = source.skipWhitespace(from: data.lowerBound)
            if start < source.masked.count, source.masked[start] == UInt8(ascii: "["),
                let entry = source.arguments(openParen: start).first
            {
                let text = source.text(entry)
                if text.hasPrefix(".") {
                    claim.method = String(text.dropFirst().prefix { $0.isLetter }).uppercased()
                }
            }
        }
        return claim
    }

    // MARK: Modules

    /// `jest.mock('./db', () => ({ query: jest.fn(), … }))`: the factory's keys; `jest.spyOn(obj, 'm')`: `m`.
    private func moduleMock(match: MockMatcher.Match, arguments: [Range<Int>], after: Int) -> [MockClaim] {
        let name = String(decoding: source.masked[match.offset..<max(match.offset, match.end - 1)], as: UTF8.self)
        if name.hasSuffix("spyOn") || name.hasSuffix("replaceProperty") {
            return [.module(ModuleClaim(target: match.target, members: member(of: match.target, arguments: arguments), line: line(match.offset)))]
        }
        var members: [String] = []
        if arguments.count > 1 {
            let factory = arguments[1]
            // `() => ({…})`, `() => { return {…} }`, `async () => ({…})`: the first `{` after `=>`.
            let masked = source.masked
            var index = factory.lowerBound
            while index + 1 < factory.upperBound, !(masked[index] == UInt8(ascii: "=") && masked[index + 1] == UInt8(ascii: ">")) {
                index += 1
            }
            var brace = source.skipWhitespace(from: index + 2)
            if brace < factory.upperBound, masked[brace] == UInt8(ascii: "(") { brace = source.skipWhitespace(from: brace + 1) }
            if brace < factory.upperBound, masked[brace] == UInt8(ascii: "{") {
                let keys = source.literalKeys(brace..<factory.upperBound)
                if keys == ["return"] || keys.isEmpty {
                    let body = source.arguments(openParen: brace)
                    for statement in body {
                        let text = source.text(statement)
                        if text.hasPrefix("return"), let open = source.masked[statement].firstIndex(of: UInt8(ascii: "{")) {
                            members = source.literalKeys(open..<statement.upperBound).filter { !$0.contains(".") }
                        }
                    }
                } else {
                    members = keys.filter { !$0.contains(".") }
                }
            }
        }
        return [.module(ModuleClaim(target: match.target, members: members, line: line(match.offset)))]
    }

    /// `obj.member` targets built from `(obj, 'member')` calls: `[member]`.
    private func member(of target: String, arguments: [Range<Int>]) -> [String] {
        guard arguments.count > 1, let member = source.stringLiteral(arguments[1]) else { return [] }
        return [member]
    }

    /// `allow(X).to receive(:m)` was read as `X.m` / `X#m`.
    private func rspec(match: MockMatcher.Match) -> ModuleClaim {
        let target = match.target
        if let separator = target.lastIndex(where: { $0 == "." || $0 == "#" }), !target.hasPrefix("\"") {
            return ModuleClaim(
                target: String(target[..<separator]), members: [String(target[target.index(after: separator)...])],
                line: line(match.offset))
        }
        return ModuleClaim(target: target, line: line(match.offset))
    }
}

extension String {
    /// The string with the first occurrence of `search` replaced.
    func replacingOnce(_ search: String, with replacement: String) -> String {
        guard let range = firstRange(ofText: search) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }

    /// The range of the first occurrence of `search` (plain character comparison, no Foundation).
    func firstRange(ofText search: String) -> Range<String.Index>? {
        guard !search.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(search) {
                return index..<self.index(index, offsetBy: search.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
