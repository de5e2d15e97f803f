import Shared

extension DoctorReport {
    /// The report as one JSON object (pretty-printed), for scripts.
    package var json: JSONValue {
        let rootValues: [JSONValue] = roots.map { entry in
            [
                "path": .string(entry.root.path),
                "version": entry.root.version.map(JSONValue.string) ?? .null,
                "foundIn": .array(entry.root.origins.map { .string($0.rawValue) }),
                "native": .bool(entry.isNative),
                "nonNativeHooks": .array(entry.nonNativeHooks.map(JSONValue.string)),
                "commandInstalled": .bool(entry.commandInstalled),
            ]
        }
        var binaryValues = JSONObject()
        for binary in binaries { binaryValues[binary.name] = binary.version.map(JSONValue.string) ?? .null }
        func problemValues(_ list: [Problem]) -> JSONValue {
            .array(list.map { ["what": .string($0.what), "fix": .string($0.fix)] })
        }
        return [
            "native": .bool(isNative),
            "installed": .bool(installed),
            "pluginRoots": .array(rootValues),
            "ossHooks": [
                "native": .bool(nonNativeOSSHooks.isEmpty),
                "nonNative": .array(nonNativeOSSHooks.map(JSONValue.string)),
            ],
            "statusLineScript": ["native": .bool(statusLineScriptNative)],
            "statusLineCommand": statusLineCommand.map(JSONValue.string) ?? .null,
            "sessionStartEntry": sessionStartEntry.map(JSONValue.bool) ?? .null,
            "binaries": .object(binaryValues),
            "credentialsPresent": .bool(credentialsPresent),
            "apiKeyPresent": .bool(apiKeyPresent),
            "problems": problemValues(problems),
            "notes": problemValues(notes),
        ]
    }
}
