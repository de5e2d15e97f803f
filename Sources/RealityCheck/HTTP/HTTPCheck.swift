/// Judges mocked HTTP interactions against API descriptions and recorded fixtures.
package struct HTTPCheck {
    /// Descriptions found in the repository (checked for relative paths and their own hosts).
    package let repositoryDescriptions: [APIDescription]
    /// Descriptions the user named per host (`--spec HOST=FILE`).
    package let hostDescriptions: [String: APIDescription]
    /// Recorded exchanges the repository keeps.
    package let recordings: [RecordedExchange]

    /// Creates a check.
    package init(
        repositoryDescriptions: [APIDescription], hostDescriptions: [String: APIDescription],
        recordings: [RecordedExchange]
    ) {
        self.repositoryDescriptions = repositoryDescriptions
        self.hostDescriptions = hostDescriptions
        self.recordings = recordings
    }

    /// Judges every item into `report`.
    package func run(_ items: [HTTPItem], into report: inout RealityReport) {
        for item in items {
            var found: [Mismatch] = []
            let judged = judgeAgainstDescriptions(item, into: &found)
            let compared = compareWithRecordings(item, into: &found)
            if judged || compared {
                report.checkedClaims += 1
            } else if item.path != nil, !(item.path?.isEmpty ?? true) {
                report.notChecked.append(
                    NotChecked(
                        file: item.file, line: item.line, claim: item.label,
                        reason: item.host.map { "no API description for \($0) (pass --spec \($0)=FILE)" }
                            ?? "no API description in the repository"))
            }
            report.mismatches += found
        }
    }

    /// The descriptions that speak for the item's host.
    private func descriptions(for item: HTTPItem) -> [APIDescription] {
        if let host = item.host {
            if let named = hostDescriptions[host] { return [named] }
            let own = repositoryDescriptions.filter { $0.hosts.contains(host) }
            if !own.isEmpty { return own }
            if host == "localhost" || host.hasPrefix("127.") { return repositoryDescriptions }
            return []
        }
        return repositoryDescriptions
    }

    private func judgeAgainstDescriptions(_ item: HTTPItem, into results: inout [Mismatch]) -> Bool {
        var found: [Mismatch] = []
        defer { results += found }
        guard let path = item.path else { return false }
        let candidates = descriptions(for: item)
        guard !candidates.isEmpty else { return false }
        let claimed = PathTemplate.segments(path)
        var matchedOperations: [(APIDescription, APIOperation)] = []
        for description in candidates {
            for operation in description.operations {
                let template = PathTemplate.segments(operation.path)
                let fits = description.prefixes.contains { prefix in
                    PathTemplate.matches(claimed: claimed, template: PathTemplate.segments(prefix) + template)
                }
                if fits { matchedOperations.append((description, operation)) }
            }
        }
        let make = { (kind: MismatchKind, claim: String, reality: String, reason: String, engine: String) in
            found.append(
                Mismatch(
                    file: item.file, line: item.line, kind: kind, dependency: item.label, claim: claim,
                    reality: reality, reason: reason, engine: engine))
        }
        guard let first = candidates.first else { return false }
        if matchedOperations.isEmpty {
            make(
                .httpPath, path, first.file, "no path in \(first.file) matches \(path)",
                first.version)
            return true
        }
        let byMethod = matchedOperations.filter { item.method == nil || $0.1.method == item.method }
        guard let (description, operation) = byMethod.first else {
            let (description, operation) = matchedOperations[0]
            let allowed = Set(matchedOperations.map(\.1.method)).sorted().joined(separator: ", ")
            make(
                .httpMethod, item.method ?? "*",
                "\(description.file):\(description.pathLines[operation.path] ?? operation.line)",
                "\(operation.path) allows \(allowed), not \(item.method ?? "*")", description.version)
            return true
        }
        let reality = "\(description.file):\(operation.line)"
        var statusKey: String?
        if let status = item.status {
            let code = String(status)
            let range = "\(status / 100)XX"
            statusKey = [code, range, "default"].first { operation.responses.keys.contains($0) }
            if statusKey == nil, !operation.responses.isEmpty {
                let declared = operation.responses.keys.sorted().joined(separator: ", ")
                make(
                    .httpStatus, code, reality,
                    "\(operation.method) \(operation.path) never returns \(code) (declared: \(declared))",
                    description.version)
            }
        } else {
            statusKey = ["200", "201", "2XX", "default"].first { operation.responses.keys.contains($0) }
        }
        if let statusKey, let shape = operation.responses[statusKey] ?? nil, !item.responseFields.isEmpty {
            for field in item.responseFields where !shape.allows(field) && !shape.allows("[]." + field) {
                make(
                    .httpResponseField, field, reality,
                    "the \(statusKey) response of \(operation.method) \(operation.path) has no field \(field)",
                    description.version)
            }
            let present = Set(item.responseFields)
            for field in shape.required.sorted() where !present.contains(field) && !shape.openPrefixes.contains("") {
                make(
                    .httpResponseField, field, reality,
                    "the mock's \(statusKey) response lacks required field \(field)", description.version)
            }
        }
        if let body = operation.requestBody, !item.requestFields.isEmpty {
            for field in item.requestFields where !body.allows(field) {
                make(
                    .httpRequestField, field, reality,
                    "\(operation.method) \(operation.path) does not accept request field \(field)", description.version)
            }
        }
        return true
    }

    private func compareWithRecordings(_ item: HTTPItem, into found: inout [Mismatch]) -> Bool {
        guard let path = item.path, !item.responseFields.isEmpty else { return false }
        let claimed = PathTemplate.segments(path)
        let matching = recordings.filter { recording in
            (item.method == nil || recording.method == item.method)
                && (item.host == nil || recording.host == nil || recording.host == item.host)
                && PathTemplate.matches(claimed: claimed, template: PathTemplate.segments(recording.path))
                && recording.file != item.fixture && !recording.fields.isEmpty
        }
        guard let recording = matching.first else { return false }
        // Fields the description already rejects are reported once, as http-response-field.
        let reported = Set(found.filter { $0.kind == .httpResponseField }.map(\.claim))
        let invented = item.responseFields.sorted().filter { !recording.fields.contains($0) }
        for field in invented where !reported.contains(field) {
            found.append(
                Mismatch(
                    file: item.file, line: item.line, kind: .fixtureField, dependency: item.label, claim: field,
                    reality: "\(recording.file):\(recording.line)",
                    reason: "the mock invents field \(field), which the recorded response lacks",
                    engine: recording.format))
        }
        // A mock may leave fields out on purpose; dropped fields are reported only beside invented ones (a rename).
        let topMocked = Set(item.responseFields.map { $0.split(separator: ".").first.map(String.init) ?? $0 })
        let dropped = recording.fields.sorted().filter {
            !$0.contains(".") && !$0.contains("[]") && !topMocked.contains($0)
        }
        if !invented.isEmpty, !dropped.isEmpty {
            found.append(
                Mismatch(
                    file: item.file, line: item.line, kind: .fixtureField, dependency: item.label,
                    claim: dropped.joined(separator: ", "), reality: "\(recording.file):\(recording.line)",
                    reason: "the mock drops \(dropped.joined(separator: ", ")), which the recorded response has",
                    engine: recording.format))
        }
        return true
    }
}
