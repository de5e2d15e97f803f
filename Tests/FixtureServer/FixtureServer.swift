import Foundation
import Shared
import TestSupport

/// `oss-fixture-server [--latency SECONDS]`: the test suite's loopback OSS API as a standalone process, for the
/// benchmark and for trying the tools by hand. It serves `commands/integration`, `workflows/build` and the `build`
/// workflow config, prints one JSON line (`baseURL`, `apiKey`, `publicKey`) and runs until its stdin closes.
@main
enum FixtureServer {
    static func main() async throws {
        var latency = 0.0
        let arguments = CommandLine.arguments
        if let index = arguments.firstIndex(of: "--latency"), index + 1 < arguments.count {
            latency = Double(arguments[index + 1]) ?? 0
        }
        let server = try OSSAPIServer(latency: latency)
        server.addPrompt(
            type: "commands", name: "integration",
            text: "# /oss:integration\n\nValidate that mocked interactions work in reality.\n")
        server.addPrompt(type: "workflows", name: "build", text: "# Build workflow\n\nRed, green, refactor.\n")
        server.addWorkflow(
            name: "build", json: #"{"chains_to":[{"command":"context-report","always":true}]}"#)
        try await server.start()
        let info: JSONValue = [
            "baseURL": .string(server.baseURL), "apiKey": .string(OSSAPIServer.User.standard.apiKey),
            "publicKey": .string(server.publicKeySPKI),
        ]
        FileDescriptorWriter.write(info.compact + "\n", to: 1)
        // Serve until the parent closes our stdin.
        await Task.detached {
            while let _ = readLine(strippingNewline: true) {}
        }.value
        await server.stop()
    }
}
