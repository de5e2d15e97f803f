import Foundation
import SessionLog
import Shared
import TestSupport
import Testing

/// `kill -9` at random moments, in a loop: the workflow state must always parse (or be absent) and no log line may
/// ever be torn, including across rotations and command-log truncations (compatibility.md#file-safety).
///
/// The kill delay is drawn uniformly from 0 ms up to the larger of 3 ms and 1.5 × the tool's median run time, so
/// kills land in start-up, in the middle of a transaction and after it, not only in the dynamic loader.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct CrashSafetyTests {
    private static let iterations = 120

    /// Median wall time of `runs` unkilled runs, in microseconds.
    private func medianRunTime(_ tool: String, _ arguments: [String], _ environment: [String: String], scratch: String)
        throws -> UInt32
    {
        var times: [Double] = []
        for _ in 0..<5 {
            let result = try SpawnedProcess.run(
                ToolRunner.path(of: tool), arguments: arguments.map { Array($0.utf8) }, environment: environment,
                scratch: scratch)
            #expect(result.status == 0, "\(result)")
            times.append(result.seconds)
        }
        return UInt32(times.sorted()[2] * 1_000_000)
    }

    /// Starts the tool, kills it after `delay` microseconds (if it is still running) and returns its exit status.
    private func killRun(
        _ tool: String, _ arguments: [String], _ environment: [String: String], scratch: String, delay: UInt32
    ) throws -> Int32 {
        let process = try SpawnedProcess.start(
            ToolRunner.path(of: tool), arguments: arguments.map { Array($0.utf8) }, environment: environment,
            scratch: scratch)
        usleep(delay)
        process.send(signal: SIGKILL)
        return try process.wait(timeout: 30).status
    }

    @Test func killedStateTransactionsLeaveAParsableState() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let sandbox = try FaultSandbox(root)
                let environment = sandbox.environment()
                let stateFile = sandbox.project + "/.oss/workflow-state.json"
                let calls: [[String]] = [
                    ["--state", "setActiveStep", "build"],
                    ["--workflow", "build", "start", "{}"],
                    ["--state", "setTddPhase", "red"],
                    ["--workflow", "build", "task_complete", #"{"current": 2, "total": 5, "taskName": "parser"}"#],
                    ["--state", "completeStep", "plan"],
                    ["--state", "setNotification", "Build running", "60"],
                ]
                let median = try medianRunTime("oss-notify", calls[1], environment, scratch: sandbox.scratch)
                let window = max(3_000, median * 3 / 2)
                var killed = 0
                var lastVersion = 0
                for iteration in 0..<Self.iterations {
                    let status = try killRun(
                        "oss-notify", calls[iteration % calls.count], environment, scratch: sandbox.scratch,
                        delay: UInt32.random(in: 0...window))
                    #expect(status == 0 || status == 128 + SIGKILL, "iteration \(iteration): status \(status)")
                    if status != 0 { killed += 1 }
                    if let bytes = FileSystem.readIfPresent(stateFile) {
                        let state = try? JSONValue.parse(bytes: bytes)
                        #expect(
                            state?.objectValue != nil,
                            "iteration \(iteration): torn state \(String(decoding: bytes, as: UTF8.self))")
                        let version = state?["version"]?.intValue ?? 0
                        #expect(version >= lastVersion, "iteration \(iteration): version went back from \(lastVersion)")
                        lastVersion = version
                    }
                    #expect(
                        sandbox.movedAsideFiles().isEmpty, "iteration \(iteration): a kill produced a corrupt state")
                }
                // The state still takes transactions afterwards.
                let after = try SpawnedProcess.run(
                    ToolRunner.path(of: "oss-notify"), arguments: calls[0].map { Array($0.utf8) },
                    environment: environment, scratch: sandbox.scratch)
                #expect(after.status == 0 && after.stderr == "", "\(after)")
                #expect(try JSONValue.parse(try #require(readFile(stateFile)))["activeStep"] == "build")
                #expect(killed > 0, "no run was killed (window \(window) µs)")
                print("crash safety (state): \(Self.iterations) runs, \(killed) killed, window \(window) µs")
            }
        }
    }

    @Test func killedLogWritesAndRotationsNeverTearALine() async throws {
        try await NotifySandbox.offload {
            try withTemporaryDirectory { root in
                let sandbox = try FaultSandbox(root)
                // Rotate session.log past ~2 KB and truncate build.log past 1 KB: most runs rotate or truncate.
                try writeFile(
                    sandbox.home + "/.oss/settings.json",
                    #"{"logs": {"maxSessionSizeMB": 0.002, "maxCommandLogSizeKB": 1}}"#)
                let environment = sandbox.environment()
                let base = sandbox.project + "/.oss/logs"
                let padding = String(repeating: "x", count: 120)
                let median = try medianRunTime(
                    "oss-log", ["write", "build", "line-0-\(padding)"], environment, scratch: sandbox.scratch)
                let window = max(3_000, median * 3 / 2)
                var killed = 0
                for iteration in 1...Self.iterations {
                    let status = try killRun(
                        "oss-log", ["write", "build", "line-\(iteration)-\(padding)"], environment,
                        scratch: sandbox.scratch, delay: UInt32.random(in: 0...window))
                    #expect(status == 0 || status == 128 + SIGKILL, "iteration \(iteration): status \(status)")
                    if status != 0 { killed += 1 }
                    for line in lines(of: base + "/current-session/session.log") {
                        #expect(
                            Self.isSessionLine(line),
                            "iteration \(iteration): torn session line \(line.debugDescription)")
                    }
                }
                var archived = 0
                // A compression killed midway leaves a hidden temp file beside the intact plain archive; it is not an
                // archive (and `clean` sweeps it).
                for name in FileSystem.listDirectory(base + "/archive") where !name.hasPrefix(".") {
                    let path = base + "/archive/" + name
                    let bytes = try #require(FileSystem.readIfPresent(path))
                    let text: [UInt8]
                    if name.hasSuffix(".gz") {
                        text = try #require(Gzip.decompress(bytes), "\(name) is not a whole gzip file")
                    } else {
                        #expect(name.hasSuffix(".log"), "unexpected archive entry \(name)")
                        text = bytes
                    }
                    for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
                        archived += 1
                        #expect(Self.isSessionLine(String(line)), "\(name): torn line \(line.debugDescription)")
                    }
                }
                for line in lines(of: base + "/current-session/build.log") {
                    #expect(Self.isCommandLine(line), "torn build.log line \(line.debugDescription)")
                }
                #expect(killed > 0, "no run was killed (window \(window) µs)")
                #expect(archived > 0, "no rotation happened")
                print(
                    "crash safety (logs): \(Self.iterations) runs, \(killed) killed, \(archived) archived lines, window \(window) µs"
                )
            }
        }
    }

    private func lines(of path: String) -> [String] {
        guard let text = readFile(path) else { return [] }
        #expect(text.isEmpty || text.hasSuffix("\n"), "\(path) ends in a partial line")
        return text.split(separator: "\n").map(String.init)
    }

    /// A whole session.log line of this test: a write, or the rotation notice.
    private static func isSessionLine(_ line: String) -> Bool {
        line.wholeMatch(of: #/\[\d\d:\d\d:\d\d\] \[build\] line-\d+-x{120}/#) != nil
            || line.wholeMatch(of: #/\[\d\d:\d\d:\d\d\] \[system\] \[INFO\] Session log rotated \(previous archived\)/#)
                != nil
    }

    /// A whole build.log line: a write, or a line of the truncation banner.
    private static func isCommandLine(_ line: String) -> Bool {
        line.wholeMatch(of: #/\[\d\d:\d\d:\d\d\] line-\d+-x{120}/#) != nil
            || line == String(repeating: "═", count: 63) || line == "  [Log truncated - kept last 1000 lines]"
    }
}
