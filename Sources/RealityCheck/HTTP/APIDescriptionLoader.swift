import Foundation
import Yams

/// Reads OpenAPI 3.x and Swagger 2.0 documents (YAML or JSON, parsed by Yams) into `APIDescription`s: local
/// `$ref`s resolved (cycles cut), `allOf` merged, `oneOf`/`anyOf` treated as open.
package enum APIDescriptionLoader {
    private static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Finds every API description in the repository (non-test YAML/JSON files whose top level has `openapi` or
    /// `swagger`); the ones that look like descriptions but do not parse are returned as `failures`.
    package static func discover(_ files: RepositoryFiles) -> (
        descriptions: [APIDescription], failures: [(String, String)]
    ) {
        var failures: [(String, String)] = []
        let descriptions = files.paths.filter { path in
            let name = RepositoryFiles.fileName(path).lowercased()
            return (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json"))
                && !path.contains("__files/") && !path.contains("/mappings/") && name != "package.json"
                && name != "package-lock.json" && name != "tsconfig.json"
        }.compactMap { path -> APIDescription? in
            guard let text = files.text(path), looksLikeDescription(text) else { return nil }
            do throws(LoadError) {
                return try load(text: text, file: path)
            } catch {
                if text.hasPrefix("openapi") || text.hasPrefix("swagger") || text.contains("\nopenapi:")
                    || text.contains("\nswagger:") || text.contains("\"openapi\"") || text.contains("\"swagger\"")
                {
                    failures.append((path, error.message))
                }
                return nil
            }
        }
        return (descriptions, failures)
    }

    /// Cheap pre-check before parsing: a top-level `openapi`/`swagger` key.
    package static func looksLikeDescription(_ text: String) -> Bool {
        let head = text.prefix(4096)
        return head.contains("openapi") || head.contains("swagger")
    }

    /// Why a document could not be used.
    package struct LoadError: Error, Equatable {
        /// The reason.
        package var message: String
    }

    /// Parses one document.
    package static func load(text: String, file: String) throws(LoadError) -> APIDescription {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw LoadError(message: "empty document") }
            root = node
        } catch let error as LoadError {
            throw error
        } catch {
            // Yams quotes the whole document as context: keep its first line.
            let first = String(describing: error).split(separator: "\n").first.map(String.init) ?? "parse error"
            throw LoadError(message: "not valid YAML or JSON: " + first.prefix(200))
        }
        guard let mapping = root.mapping else { throw LoadError(message: "not an OpenAPI document") }
        let version: String
        var hosts: [String] = []
        var prefixes: Set<String> = [""]
        if let openapi = mapping["openapi"]?.string {
            version = "openapi " + openapi
            for server in mapping["servers"]?.sequence ?? [] {
                guard let url = server.mapping?["url"]?.string else { continue }
                let (host, path) = split(url: url)
                if let host { hosts.append(host) }
                prefixes.insert(path)
            }
        } else if let swagger = mapping["swagger"]?.string {
            version = "swagger " + swagger
            if let host = mapping["host"]?.string {
                hosts.append(host.lowercased().split(separator: ":").first.map(String.init) ?? host)
            }
            if let basePath = mapping["basePath"]?.string { prefixes.insert(trimmed(basePath)) }
        } else {
            throw LoadError(message: "no openapi or swagger version")
        }
        let resolver = Resolver(root: root)
        var operations: [APIOperation] = []
        var pathLines: [String: Int] = [:]
        for (key, item) in mapping["paths"]?.mapping ?? [:] {
            guard let path = key.string else { continue }
            pathLines[path] = (key.mark?.line ?? 0)
            let pathItem = resolver.resolve(item)
            let shared = pathItem.mapping?["parameters"]
            for (methodKey, operationNode) in pathItem.mapping ?? [:] {
                guard let method = methodKey.string?.lowercased(), methods.contains(method),
                    let operation = operationNode.mapping
                else { continue }
                var responses: [String: BodyShape?] = [:]
                for (statusKey, response) in operation["responses"]?.mapping ?? [:] {
                    guard let status = statusKey.string else { continue }
                    responses[status.uppercased() == "DEFAULT" ? "default" : status.uppercased()] =
                        responseShape(resolver.resolve(response), resolver: resolver)
                }
                let body = requestShape(operation, shared: shared, resolver: resolver)
                operations.append(
                    APIOperation(
                        method: method.uppercased(), path: path, responses: responses, requestBody: body,
                        line: methodKey.mark?.line ?? pathLines[path] ?? 0))
            }
        }
        return APIDescription(
            file: file, version: version, hosts: hosts, prefixes: prefixes.sorted(), operations: operations,
            pathLines: pathLines)
    }

    private static func responseShape(_ response: Node, resolver: Resolver) -> BodyShape? {
        guard let mapping = response.mapping else { return nil }
        if let content = mapping["content"]?.mapping {  // OpenAPI 3
            let json = content.first { $0.key.string?.contains("json") == true } ?? content.first
            guard let schema = json?.value.mapping?["schema"] else { return nil }
            return resolver.shape(schema)
        }
        if let schema = mapping["schema"] { return resolver.shape(schema) }  // Swagger 2
        return nil
    }

    private static func requestShape(_ operation: Node.Mapping, shared: Node?, resolver: Resolver) -> BodyShape? {
        if let body = operation["requestBody"].map(resolver.resolve), let content = body.mapping?["content"]?.mapping {
            let json = content.first { $0.key.string?.contains("json") == true }
            guard let schema = json?.value.mapping?["schema"] else { return nil }
            return resolver.shape(schema)
        }
        let parameters =
            (operation["parameters"]?.sequence.map(Array.init) ?? [])
            + (shared?.sequence.map(Array.init) ?? [])
        for parameter in parameters.map(resolver.resolve) {
            if parameter.mapping?["in"]?.string == "body", let schema = parameter.mapping?["schema"] {
                return resolver.shape(schema)
            }
        }
        return nil
    }

    /// Splits a server URL into its lowercased host (nil for a relative URL) and path prefix.
    package static func split(url: String) -> (host: String?, path: String) {
        guard let scheme = url.range(of: "://") else { return (nil, trimmed(url)) }
        let rest = url[scheme.upperBound...]
        let hostPart = rest.prefix { $0 != "/" }
        let host = hostPart.split(separator: ":").first.map { $0.lowercased() }
        return (host.flatMap { $0.contains("{") ? nil : $0 }, trimmed(String(rest.dropFirst(hostPart.count))))
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.hasSuffix("/") { path.removeLast() }
        if !path.isEmpty, !path.hasPrefix("/") { path = "/" + path }
        return path
    }

    /// Resolves local `$ref`s and flattens schemas into shapes.
    private struct Resolver {
        let root: Node

        func resolve(_ node: Node) -> Node {
            var current = node
            for _ in 0..<16 {
                guard let reference = current.mapping?["$ref"]?.string, let target = lookup(reference) else {
                    return current
                }
                current = target
            }
            return current
        }

        func lookup(_ reference: String) -> Node? {
            guard reference.hasPrefix("#/") else { return nil }
            var node = root
            for part in reference.dropFirst(2).split(separator: "/") {
                let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard let next = node.mapping?[key] else { return nil }
                node = next
            }
            return node
        }

        func shape(_ schema: Node) -> BodyShape {
            var shape = BodyShape()
            collect(schema, prefix: "", into: &shape, depth: 0, seen: [], top: true)
            return shape
        }

        private func collect(
            _ node: Node, prefix: String, into shape: inout BodyShape, depth: Int, seen: Set<String>, top: Bool
        ) {
            var seen = seen
            if let reference = node.mapping?["$ref"]?.string {
                guard !seen.contains(reference), depth < 12 else {
                    shape.openPrefixes.insert(prefix)  // a cycle: anything below is allowed
                    return
                }
                seen.insert(reference)
            }
            guard depth < 12, let schema = resolve(node).mapping else {
                shape.openPrefixes.insert(prefix)
                return
            }
            for member in schema["allOf"]?.sequence ?? [] {
                collect(member, prefix: prefix, into: &shape, depth: depth + 1, seen: seen, top: top)
            }
            for key in ["oneOf", "anyOf"] {
                guard let options = schema[key]?.sequence else { continue }
                for option in options {
                    collect(option, prefix: prefix, into: &shape, depth: depth + 1, seen: seen, top: false)
                }
                shape.openPrefixes.insert(prefix)
            }
            let type =
                schema["type"]?.string
                ?? (schema["properties"] != nil ? "object" : schema["items"] != nil ? "array" : nil)
            switch type {
            case "object":
                let properties = schema["properties"]?.mapping
                if properties == nil || properties?.isEmpty == true, schema["allOf"] == nil {
                    shape.openPrefixes.insert(prefix)
                }
                if let additional = schema["additionalProperties"], additional.bool != false {
                    shape.openPrefixes.insert(prefix)
                }
                if top {
                    for name in schema["required"]?.sequence ?? [] {
                        if let name = name.string { shape.required.insert(prefix.isEmpty ? name : prefix + "." + name) }
                    }
                }
                for (key, value) in properties ?? [:] {
                    guard let name = key.string else { continue }
                    let path = prefix.isEmpty ? name : prefix + "." + name
                    shape.fields.insert(path)
                    collect(value, prefix: path, into: &shape, depth: depth + 1, seen: seen, top: false)
                }
            case "array":
                guard let items = schema["items"] else {
                    shape.openPrefixes.insert(prefix + "[]")
                    return
                }
                collect(items, prefix: prefix + "[]", into: &shape, depth: depth + 1, seen: seen, top: false)
            case nil where schema["allOf"] == nil && schema["oneOf"] == nil && schema["anyOf"] == nil:
                shape.openPrefixes.insert(prefix)
            default:
                break
            }
        }
    }
}
