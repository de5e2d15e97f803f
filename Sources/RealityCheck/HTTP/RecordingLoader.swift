import Foundation
import Shared
import Yams

/// Finds recorded exchanges: WireMock `mappings/*.json` (with `__files` bodies), HAR files (Polly recordings
/// included) and VCR cassettes (`http_interactions`).
package enum RecordingLoader {
    /// Every recording in the repository.
    package static func discover(_ files: RepositoryFiles) -> [RecordedExchange] {
        var result: [RecordedExchange] = []
        for path in files.paths {
            let lower = path.lowercased()
            if lower.hasSuffix(".json"), path.contains("mappings/") {
                result += wireMock(path, files: files)
            } else if lower.hasSuffix(".har") {
                result += har(path, files: files)
            } else if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml"), path.contains("cassette") {
                result += vcr(path, files: files)
            }
        }
        return result
    }

    private static func wireMock(_ path: String, files: RepositoryFiles) -> [RecordedExchange] {
        guard let text = files.text(path), let value = try? JSONValue.parse(text) else { return [] }
        let mappings = value["mappings"]?.arrayValue ?? [value]
        return mappings.compactMap { mapping in
            guard let request = mapping["request"], let response = mapping["response"] else { return nil }
            let method = (request["method"]?.stringValue ?? "ANY").uppercased()
            guard
                let url = request["urlPath"]?.stringValue ?? request["url"]?.stringValue
                    ?? request["urlPathPattern"]?.stringValue ?? request["urlPathTemplate"]?.stringValue
            else { return nil }
            var fields: Set<String> = []
            if let body = response["jsonBody"] {
                fields = JSONFields.paths(body)
            } else if let body = response["body"]?.stringValue {
                fields = JSONFields.paths(text: body) ?? []
            } else if let name = response["bodyFileName"]?.stringValue {
                let root = path.components(separatedBy: "mappings/").first ?? ""
                fields = files.text(root + "__files/" + name).flatMap(JSONFields.paths(text:)) ?? []
            }
            return RecordedExchange(
                file: path, line: line(of: url, in: text), format: "wiremock", method: method == "ANY" ? "GET" : method,
                host: nil, path: url.split(separator: "?").first.map(String.init) ?? url, fields: fields)
        }
    }

    private static func har(_ path: String, files: RepositoryFiles) -> [RecordedExchange] {
        guard let text = files.text(path), let value = try? JSONValue.parse(text) else { return [] }
        return (value["log"]?["entries"]?.arrayValue ?? []).compactMap { entry in
            guard let method = entry["request"]?["method"]?.stringValue,
                let url = entry["request"]?["url"]?.stringValue,
                let body = entry["response"]?["content"]?["text"]?.stringValue
            else { return nil }
            let (host, urlPath) = APIDescriptionLoader.split(url: url)
            return RecordedExchange(
                file: path, line: line(of: url, in: text), format: "har", method: method.uppercased(), host: host,
                path: urlPath.split(separator: "?").first.map(String.init) ?? urlPath,
                fields: JSONFields.paths(text: body) ?? [])
        }
    }

    private static func vcr(_ path: String, files: RepositoryFiles) -> [RecordedExchange] {
        guard let text = files.text(path), let root = try? Yams.compose(yaml: text)?.mapping,
            let interactions = (root["http_interactions"] ?? root["interactions"])?.sequence
        else { return [] }
        return interactions.compactMap { interaction in
            guard let request = interaction.mapping?["request"]?.mapping,
                let method = request["method"]?.string, let uri = request["uri"]?.string,
                let response = interaction.mapping?["response"]?.mapping
            else { return nil }
            let body = response["body"]?.mapping?["string"]?.string ?? response["body"]?.string ?? ""
            let (host, urlPath) = APIDescriptionLoader.split(url: uri)
            return RecordedExchange(
                file: path, line: (interaction.mark?.line ?? 1), format: "vcr", method: method.uppercased(), host: host,
                path: urlPath.split(separator: "?").first.map(String.init) ?? urlPath,
                fields: JSONFields.paths(text: body) ?? [])
        }
    }

    private static func line(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return 1 }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
