import Foundation

extension ToolRunner {
    /// Runs a tool like `run`, but waits and reads its pipes on dedicated threads, never on Dispatch's global
    /// queues: on Linux those also carry Swift's cooperative pool, so blocking them starves an in-process server
    /// (FlyingFox) that has to answer the tool.
    package static func runAsync(
        _ tool: String, _ arguments: [String], environment: [String: String], stdin: String? = nil,
        cwd: String? = nil, timeout: Double = 60
    ) async throws -> ToolResult {
        let executable = tool.hasPrefix("/") ? tool : path(of: tool)
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw ToolRunnerError.missingBinary(executable)
        }
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try runOnThreads(
                            executable, arguments, environment: environment, stdin: stdin, cwd: cwd, timeout: timeout)
                    })
            }
            thread.start()
        }
    }

    static func runOnThreads(
        _ executable: String, _ arguments: [String], environment: [String: String], stdin: String?, cwd: String?,
        timeout: Double
    ) throws -> ToolResult {
        // A child that exits without reading its stdin must not kill the test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        let out = ThreadReader(outPipe.fileHandleForReading)
        let err = ThreadReader(errPipe.fileHandleForReading)
        let start = Date()
        try process.run()
        out.start()
        err.start()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(1_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw ToolRunnerError.timedOut(executable, timeout)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return ToolResult(
            status: status, stdout: String(decoding: out.wait(), as: UTF8.self),
            stderr: String(decoding: err.wait(), as: UTF8.self), seconds: seconds)

    }
}

/// Reads a pipe to its end on its own thread.
private final class ThreadReader: @unchecked Sendable {
    private let handle: FileHandle
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    func start() {
        Thread {
            self.data = self.handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        _ = done.wait(timeout: .now() + 10)
        return data
    }
}
