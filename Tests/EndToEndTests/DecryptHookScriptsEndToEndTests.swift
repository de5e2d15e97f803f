import Foundation
import Shared
import TestSupport
import Testing

extension DecryptEndToEndSuite {
    /// `hooks/ensure-decrypt-cli.sh` and `hooks/verify-decrypt-setup.sh`: the callers' contract of compatibility.md#decrypt-install, never a
    /// download (D34).
    struct DecryptHookScriptsEndToEndTests {
        private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        private static let ensure = repository + "/hooks/ensure-decrypt-cli.sh"
        private static let verify = repository + "/hooks/verify-decrypt-setup.sh"

        private static func run(_ script: String, home: String) async throws -> ToolResult {
            try await ToolRunner.runAsync(
                "/bin/sh", [script], environment: ["PATH": "/usr/bin:/bin", "HOME": home, "TMPDIR": home])
        }

        private static func installFake(_ script: String, home: String) throws {
            try writeFile(home + "/.oss/bin/oss-decrypt", "#!/bin/sh\n" + script + "\n", mode: 0o755)
        }

        @Test func ensureSucceedsSilentlyForTheBuiltBinaryAndCleansLegacyCachesOnce() async throws {
            let home = try makeTemporaryDirectory()
            defer { FileSystem.removeTree(home) }
            try writeFile(home + "/.oss/prompt-cache/a.json", "{}")
            try writeFile(home + "/.oss/cache/prompts/b.json", "{}")
            try FileSystem.createDirectories(home + "/.oss/bin")
            let built = try FileSystem.read(ToolRunner.path(of: "oss-decrypt"))
            try FileSystem.writeAtomically(built, to: home + "/.oss/bin/oss-decrypt", mode: 0o755)
            let result = try await Self.run(Self.ensure, home: home)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "" && result.stderr == "")
            #expect(!FileSystem.exists(home + "/.oss/prompt-cache"))
            #expect(!FileSystem.exists(home + "/.oss/cache/prompts"))
            #expect(FileSystem.exists(home + "/.oss/.cache-cleanup-done-2.0.19"))
            try writeFile(home + "/.oss/prompt-cache/c.json", "{}")
            _ = try await Self.run(Self.ensure, home: home)
            #expect(FileSystem.exists(home + "/.oss/prompt-cache/c.json"), "the cleanup runs once")
        }

        @Test func ensureFailsWithInstructionsAndNeverTouchesTheBinary() async throws {
            let home = try makeTemporaryDirectory()
            defer { FileSystem.removeTree(home) }
            let missing = try await Self.run(Self.ensure, home: home)
            #expect(missing.status == 1)
            #expect(missing.stdout == "")
            #expect(missing.stderr.contains("oss-decrypt CLI not found at \(home)/.oss/bin/oss-decrypt."))
            #expect(missing.stderr.contains("Scripts/install.sh"))
            #expect(!FileSystem.exists(home + "/.oss/bin/oss-decrypt"), "nothing was downloaded")

            let cases: [(script: String, phrase: String)] = [
                (#"echo "oss-decrypt v1.1.0""#, "oss-decrypt v1.1.0 is outdated (requires >= v1.2.1)"),
                (#"echo "oss-decrypt v1.2.1 (node 18.19.0)""#, "reports no single version"),
                (#"echo "broken" >&2; exit 3"#, "does not run"),
            ]
            for item in cases {
                try Self.installFake(item.script, home: home)
                let before = try FileSystem.read(home + "/.oss/bin/oss-decrypt")
                let result = try await Self.run(Self.ensure, home: home)
                #expect(result.status == 1, "\(item.script)")
                #expect(result.stderr.contains(item.phrase), "\(result)")
                #expect(try FileSystem.read(home + "/.oss/bin/oss-decrypt") == before, "binary left in place")
            }
            for version in ["1.2.1", "1.10.0", "2.0.0"] {
                try Self.installFake(#"echo "oss-decrypt v\#(version)""#, home: home)
                #expect(try await Self.run(Self.ensure, home: home).status == 0, "\(version)")
            }
            // A directory in the binary's place cannot be made executable: reported, left alone.
            FileSystem.removeTree(home + "/.oss/bin/oss-decrypt")
            try FileSystem.createDirectories(home + "/.oss/bin/oss-decrypt")
            let notExecutable = try await Self.run(Self.ensure, home: home)
            #expect(notExecutable.status == 1)
            #expect(notExecutable.stderr.contains("is not executable"))
            #expect(FileSystem.isDirectory(home + "/.oss/bin/oss-decrypt"))
            #expect(!(try String(contentsOfFile: Self.ensure, encoding: .utf8)).contains("curl"))
        }

        /// Issue 10 item 12: a regular binary that lost its execute bit gets it back, and the check goes on.
        @Test func ensureRestoresALostExecuteBit() async throws {
            let home = try makeTemporaryDirectory()
            defer { FileSystem.removeTree(home) }
            try Self.installFake(#"echo "oss-decrypt v1.3.0""#, home: home)
            chmod(home + "/.oss/bin/oss-decrypt", 0o644)
            let result = try await Self.run(Self.ensure, home: home)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr == "")
            #expect(FileSystem.isExecutable(home + "/.oss/bin/oss-decrypt"))
        }

        @Test func verifyChecksBinaryVersionAndCredentials() async throws {
            let home = try makeTemporaryDirectory()
            defer { FileSystem.removeTree(home) }
            let missing = try await Self.run(Self.verify, home: home)
            #expect(missing.status == 1)
            #expect(missing.stderr.split(separator: "\n").count == 2)

            try Self.installFake(#"echo "segfault in init" >&2; exit 4"#, home: home)
            let failing = try await Self.run(Self.verify, home: home)
            #expect(failing.status == 1)
            #expect(failing.stderr.contains("segfault in init"))

            try Self.installFake(#"echo "oss-decrypt v1.3.0""#, home: home)
            let noCredentials = try await Self.run(Self.verify, home: home)
            #expect(noCredentials.status == 1)
            #expect(noCredentials.stderr.contains("credential"))
            try writeFile(home + "/.oss/credentials.enc", "")
            #expect(try await Self.run(Self.verify, home: home).status == 1)

            try writeFile(home + "/.oss/credentials.enc", "aXY=:dGFn:Y3Q=")
            let ok = try await Self.run(Self.verify, home: home)
            #expect(ok.status == 0, "\(ok)")
            #expect(ok.stdout.contains("verified"))
        }
    }
}
