import Foundation
import Shared
import TestSupport
import Testing

/// One command-line argument of a fault case: text (with `$ROOT`, `$HOME`, `$PROJECT` expanded) or raw bytes
/// (e.g. invalid UTF-8, which `Process` cannot pass).
enum FaultArgument: Sendable, ExpressibleByStringLiteral {
    case text(String)
    case bytes([UInt8])

    init(stringLiteral value: String) {
        self = .text(value)
    }
}

/// What a fault case expects on stderr.
enum StderrExpectation: Sendable {
    /// Nothing at all.
    case empty
    /// A line containing this phrase.
    case contains(String)
}

/// One bad input for a built tool, the outcome the contract (or our fix of it) demands, and why.
///
/// The runner checks, for every case: the exit status (never 2: Claude Code reads 2 from a hook as "block"), the
/// stderr phrase, and that every file that existed before is byte-identical afterwards, except files listed in
/// `movedAside` (then exactly one `<name>.corrupt-*` sibling holds the original bytes) and `appendOnly` logs (then
/// the original bytes are still a prefix).
struct FaultCase: Sendable, CustomTestStringConvertible {
    /// A short name for the test report.
    var name: String
    /// Files created before the run: path relative to the sandbox root (`home/.oss/settings.json`) and bytes.
    var files: [(path: String, bytes: [UInt8])] = []
    /// Symbolic links created before the run: path relative to the root, target with `$ROOT` etc. expanded.
    var links: [(path: String, target: String)] = []
    /// The arguments after the tool name.
    var arguments: [FaultArgument]
    /// Environment changes: a value (expanded) sets the variable, nil removes it.
    var environment: [String: String?] = [:]
    /// The expected exit status.
    var status: Int32
    /// The expected stderr.
    var stderr: StderrExpectation
    /// Pre-existing files that must have been moved aside intact (relative paths).
    var movedAside: [String] = []
    /// Pre-existing logs that may only have grown.
    var appendOnly: [String] = []
    /// Pre-existing files the tool consumes by design (must be gone afterwards).
    var consumed: [String] = []
    /// Why this is the right outcome (contract section or fix), for the reader of the table.
    var why: String
    /// Further checks on the sandbox after the run.
    var check: (@Sendable (FaultSandbox, ToolResult) throws -> Void)?

    var testDescription: String { name }

    /// A file given as text.
    static func file(_ path: String, _ text: String) -> (path: String, bytes: [UInt8]) {
        (path, Array(text.utf8))
    }
}

/// The sandbox a fault case runs in: `<root>/home` is HOME, `<root>/home/proj` the project (with `.oss/`, and
/// `CLAUDE_PROJECT_DIR` pointing at it), `<root>/tmp` TMPDIR.
struct FaultSandbox: Sendable {
    let root: String

    var home: String { root.appendingPathComponent("home") }
    var project: String { home.appendingPathComponent("proj") }
    var tmp: String { root.appendingPathComponent("tmp") }
    /// Where `SpawnedProcess` keeps the captured output while the child runs (outside the inspected tree).
    var scratch: String { root.appendingPathComponent("scratch") }

    init(_ root: String) throws {
        self.root = root
        for directory in [home.appendingPathComponent(".oss"), project.appendingPathComponent(".oss"), tmp, scratch] {
            try FileSystem.createDirectories(directory)
        }
    }

    /// A path relative to the root.
    func path(_ relative: String) -> String { root.appendingPathComponent(relative) }

    /// Creates a directory under the root and returns its path.
    func directory(_ relative: String) throws -> String {
        let path = self.path(relative)
        try FileSystem.createDirectories(path)
        return path
    }

    /// `$ROOT`, `$HOME` and `$PROJECT` replaced by the sandbox's paths.
    func expand(_ text: String) -> String {
        text.replacingOccurrences(of: "$PROJECT", with: project).replacingOccurrences(of: "$HOME", with: home)
            .replacingOccurrences(of: "$ROOT", with: root)
    }

    /// The environment of a call: the minimal one, TMPDIR and CLAUDE_PROJECT_DIR, then the case's changes.
    func environment(_ changes: [String: String?] = [:]) -> [String: String] {
        var environment = ToolRunner.environment(home: home, extra: ["TMPDIR": tmp, "CLAUDE_PROJECT_DIR": project])
        for (name, value) in changes { environment[name] = value.map(expand) }
        return environment
    }

    /// The raw argv bytes of a case.
    func argumentBytes(_ arguments: [FaultArgument]) -> [[UInt8]] {
        arguments.map { argument in
            switch argument {
            case .text(let text): Array(expand(text).utf8)
            case .bytes(let bytes): bytes
            }
        }
    }

    /// Every `*.corrupt-*` file under the root.
    func movedAsideFiles() -> [String] {
        files(under: root).filter { $0.lastPathComponent.contains(".corrupt-") }
    }

    /// The regular files under `directory`, recursively (symlinks not followed).
    func files(under directory: String) -> [String] {
        var result: [String] = []
        for name in FileSystem.listDirectory(directory) {
            let path = directory.appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                result += files(under: path)
            } else if (status.st_mode & S_IFMT) == S_IFREG {
                result.append(path)
            }
        }
        return result
    }
}

/// Runs fault cases against a built tool.
enum FaultRunner {
    /// Sets up the sandbox, runs `tool` with the case's arguments and checks everything `FaultCase` promises; the
    /// blocking work runs on a dispatch thread so the cooperative pool stays free for in-process servers.
    static func run(_ tool: String, _ fault: FaultCase, timeout: Double = 30) async throws {
        try await NotifySandbox.offload { try runBlocking(tool, fault, timeout: timeout) }
    }

    private static func runBlocking(_ tool: String, _ fault: FaultCase, timeout: Double) throws {
        try withTemporaryDirectory { root in
            let sandbox = try FaultSandbox(root)
            for (path, bytes) in fault.files {
                try FileSystem.createDirectories(sandbox.path(path).deletingLastPathComponent)
                try FileSystem.writeAtomically(bytes, to: sandbox.path(path), mode: 0o600)
            }
            for (path, target) in fault.links {
                try FileSystem.createDirectories(sandbox.path(path).deletingLastPathComponent)
                #expect(symlink(sandbox.expand(target), sandbox.path(path)) == 0)
            }
            let result = try SpawnedProcess.run(
                ToolRunner.path(of: tool), arguments: sandbox.argumentBytes(fault.arguments),
                environment: sandbox.environment(fault.environment), scratch: sandbox.scratch, cwd: sandbox.project,
                timeout: timeout)
            verify(result, fault, sandbox)
            try fault.check?(sandbox, result)
        }
    }

    /// The status, stderr and file checks of a finished run.
    static func verify(_ result: ToolResult, _ fault: FaultCase, _ sandbox: FaultSandbox) {
        #expect(result.status != 2, "exit 2 would block Claude Code: \(result)")
        #expect(result.status == fault.status, "\(fault.name): \(fault.why)\n\(result)")
        switch fault.stderr {
        case .empty:
            #expect(result.stderr == "", "\(fault.name): \(fault.why)")
        case .contains(let phrase):
            #expect(result.stderr.contains(phrase), "\(fault.name): expected \(phrase.debugDescription)\n\(result)")
        }
        for (relative, bytes) in fault.files {
            let path = sandbox.path(relative)
            if fault.movedAside.contains(relative) {
                let copies = sandbox.movedAsideFiles().filter {
                    $0.deletingLastPathComponent == path.deletingLastPathComponent
                        && $0.lastPathComponent.hasPrefix(path.lastPathComponent + ".corrupt-")
                }
                #expect(copies.count == 1, "\(fault.name): \(relative) should be moved aside once: \(copies)")
                let intact = copies.first.flatMap(FileSystem.readIfPresent) == bytes
                #expect(intact, "\(fault.name): the aside copy of \(relative) differs from the original")
            } else if fault.consumed.contains(relative) {
                #expect(!FileSystem.exists(path), "\(fault.name): \(relative) should have been consumed")
            } else if fault.appendOnly.contains(relative) {
                let kept = (FileSystem.readIfPresent(path) ?? []).starts(with: bytes)
                #expect(kept, "\(fault.name): \(relative) lost or changed existing bytes")
            } else {
                let now = FileSystem.readIfPresent(path)
                let same = now == bytes
                #expect(same, "\(fault.name): \(relative) changed (\(bytes.count) → \(now?.count ?? -1) bytes)")
            }
        }
        #expect(
            sandbox.movedAsideFiles().count == fault.movedAside.count,
            "\(fault.name): unexpected files moved aside: \(sandbox.movedAsideFiles())")
        let leftovers = sandbox.files(under: sandbox.root).filter { $0.lastPathComponent.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(fault.name): temporary files left behind: \(leftovers)")
    }
}
