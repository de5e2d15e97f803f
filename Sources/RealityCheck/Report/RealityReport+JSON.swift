import Shared

extension RealityReport {
    /// `{"mismatches": [...], "notChecked": [...], "sources": [...], "checkedClaims": N}`.
    package var json: JSONValue {
        .object(
            JSONObject([
                ("mismatches", .array(mismatches.map(\.json))),
                ("notChecked", .array(notChecked.map(\.json))),
                ("sources", .array(sources.map(\.json))),
                ("checkedClaims", .number(Double(checkedClaims))),
            ])
        )
    }
}

extension Mismatch {
    /// `{"file", "line", "kind", "dependency", "claim", "reality", "reason", "engine"}`.
    package var json: JSONValue {
        .object(
            JSONObject([
                ("file", .string(file)),
                ("line", .number(Double(line))),
                ("kind", .string(kind.rawValue)),
                ("dependency", .string(dependency)),
                ("claim", .string(claim)),
                ("reality", .string(reality)),
                ("reason", .string(reason)),
                ("engine", .string(engine)),
            ])
        )
    }
}

extension NotChecked {
    /// `{"file", "line", "claim", "reason", "engine"?}`.
    package var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("file", .string(file)), ("line", .number(Double(line))), ("claim", .string(claim)),
            ("reason", .string(reason)),
        ]
        if let engine { pairs.append(("engine", .string(engine))) }
        return .object(JSONObject(pairs))
    }
}

extension RealitySource {
    /// `{"kind", "path"}`.
    package var json: JSONValue {
        .object(JSONObject([("kind", .string(kind)), ("path", .string(path))]))
    }
}
