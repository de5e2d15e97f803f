import Shared
import TestSupport
import Testing
import WorkflowState

/// Contract compatibility.md#workflow-state-location resolution order, with an invalid source falling through (D30).
struct WorkflowStateLocatorTests {
    private struct Sandbox {
        var home: String
        var projectA: String
        var projectB: String
        var projectC: String

        init(_ root: String) throws {
            home = root.appendingPathComponent("home")
            projectA = home.appendingPathComponent("a")
            projectB = home.appendingPathComponent("b")
            projectC = home.appendingPathComponent("c dir")
            for path in [projectA, projectB, projectC] { try FileSystem.createDirectories(path) }
        }

        func locator(_ extra: [String: String] = [:]) -> WorkflowStateLocator {
            var variables = ["HOME": home, "TMPDIR": home.appendingPathComponent("tmp")]
            for (key, value) in extra { variables[key] = value }
            let environment = Environment(variables)
            return WorkflowStateLocator(environment: environment, paths: OSSPaths(environment: environment))
        }

        func state(_ project: String) -> String { project.appendingPathComponent(".oss/workflow-state.json") }
        var global: String { home.appendingPathComponent(".oss/workflow-state.json") }
    }

    @Test func explicitDirectoryWins() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            try writeFile(box.home.appendingPathComponent(".oss/current-project"), box.projectC + "\n")
            let location = box.locator(["CLAUDE_PROJECT_DIR": box.projectB]).locate(projectDir: box.projectA)
            #expect(location == .init(path: box.state(box.projectA), project: box.projectA, warnings: []))
        }
    }

    @Test func invalidExplicitDirectoryFallsThroughToTheEnvironment() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let location = box.locator(["CLAUDE_PROJECT_DIR": box.projectB])
                .locate(projectDir: box.home.appendingPathComponent("missing"))
            #expect(location.path == box.state(box.projectB))
        }
    }

    @Test func invalidEnvironmentFallsThroughToCurrentProjectWithInteriorSpaces() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            try writeFile(box.home.appendingPathComponent(".oss/current-project"), "  \(box.projectC)\n")
            let location = box.locator(["CLAUDE_PROJECT_DIR": "relative/path"]).locate(projectDir: nil)
            #expect(location.path == box.state(box.projectC))
        }
    }

    @Test func nothingValidMeansTheGlobalFileAndOutsidePathsAreReported() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let location = box.locator(["CLAUDE_PROJECT_DIR": "/"]).locate(projectDir: "/usr")
            #expect(location.path == box.global)
            #expect(location.project == nil)
            #expect(
                location.warnings == [
                    "Security: Path outside allowed directories rejected: /usr",
                    "Security: Path outside allowed directories rejected: /",
                ])
        }
    }

    @Test func emptyHomeRejectsEveryProject() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let environment = Environment(["HOME": "", "TMPDIR": root, "CLAUDE_PROJECT_DIR": box.projectA])
            let location = WorkflowStateLocator(environment: environment, paths: OSSPaths(environment: environment))
                .locate(projectDir: nil)
            #expect(location.project == nil)
        }
    }

    @Test func hookUsesTheGitWorkTreeOnlyWhenItHasADotOSSDirectory() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let nested = box.projectA.appendingPathComponent("src/deep")
            try FileSystem.createDirectories(nested)
            try FileSystem.createDirectories(box.projectA.appendingPathComponent(".git"))
            #expect(box.locator().locateForHook(cwd: nested, gitFallback: true).path == box.global)
            try FileSystem.createDirectories(box.projectA.appendingPathComponent(".oss"))
            #expect(box.locator().locateForHook(cwd: nested, gitFallback: true).path == box.state(box.projectA))
            #expect(box.locator().locateForHook(cwd: nested, gitFallback: false).path == box.global)
        }
    }

    @Test func hookPrefersTheEnvironmentProjectEvenWithoutDotOSS() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            try FileSystem.createDirectories(box.projectA.appendingPathComponent(".git"))
            try FileSystem.createDirectories(box.projectA.appendingPathComponent(".oss"))
            let location = box.locator(["CLAUDE_PROJECT_DIR": box.projectB])
                .locateForHook(cwd: box.projectA, gitFallback: true)
            #expect(location.path == box.state(box.projectB))
        }
    }

    @Test func gitTopLevelFindsAWorktreeFile() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            try writeFile(box.projectB.appendingPathComponent(".git"), "gitdir: /elsewhere\n")
            #expect(WorkflowStateLocator.gitTopLevel(from: box.projectB) == box.projectB)
            #expect(WorkflowStateLocator.gitTopLevel(from: "/") == nil || FileSystem.exists("/.git"))
        }
    }
}
