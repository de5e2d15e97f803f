import Shared
import TestSupport
import Testing

@testable import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Project resolution and validation (compatibility.md#log-location/compatibility.md#workflow-state-location with D1 and D9 fixed).
struct ProjectResolverTests {
    /// A sandbox: `<root>/home` is HOME, `<root>/tmpdir` is TMPDIR, `<root>/elsewhere` is outside both.
    private struct Sandbox {
        var root: String
        var home: String { root.appendingPathComponent("home") }
        var tmp: String { root.appendingPathComponent("tmpdir") }
        var elsewhere: String { root.appendingPathComponent("elsewhere") }

        init(_ root: String) throws {
            self.root = root
            for dir in [home, tmp, elsewhere] { try FileSystem.createDirectories(dir) }
        }

        func resolver(_ extra: [String: String] = [:], tmpdir: Bool = true) -> ProjectResolver {
            var variables = ["HOME": home]
            if tmpdir { variables["TMPDIR"] = tmp }
            for (key, value) in extra { variables[key] = value }
            let environment = Environment(variables)
            return ProjectResolver(environment: environment, paths: OSSPaths(environment: environment))
        }

        func directory(_ path: String) throws -> String {
            try FileSystem.createDirectories(path)
            return path
        }

        func setCurrentProject(_ text: String) throws {
            try writeFile(home.appendingPathComponent(".oss/current-project"), text)
        }
    }

    @Test func claudeProjectDirWinsOverCurrentProject() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let a = try box.directory(box.home.appendingPathComponent("a"))
            let b = try box.directory(box.home.appendingPathComponent("b"))
            try box.setCurrentProject(b + "\n")
            let resolver = box.resolver(["CLAUDE_PROJECT_DIR": a])
            #expect(resolver.logProject() == a)
            #expect(resolver.logBase() == a + "/.oss/logs")
            #expect(resolver.validatedCurrentProject() == b)
        }
    }

    @Test func currentProjectIsUsedWithoutClaudeProjectDir() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let b = try box.directory(box.home.appendingPathComponent("b"))
            try box.setCurrentProject(b + "\n")
            #expect(box.resolver().logProject() == b)
            // An empty CLAUDE_PROJECT_DIR counts as unset.
            #expect(box.resolver(["CLAUDE_PROJECT_DIR": ""]).logProject() == b)
            #expect(box.resolver(["CLAUDE_PROJECT_DIR": ""]).logBase() == b + "/.oss/logs")
        }
    }

    @Test func noCandidateMeansGlobalLogs() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            #expect(box.resolver().logProject() == nil)
            #expect(box.resolver().logBase() == box.home + "/.oss/logs")
            try box.setCurrentProject("\n")
            #expect(box.resolver().currentProjectFileContents() == nil)
            #expect(box.resolver().logBase() == box.home + "/.oss/logs")
        }
    }

    @Test func currentProjectIsTrimmedAtTheEndsOnlyKeepingInteriorSpaces() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let project = try box.directory(box.home.appendingPathComponent("My Projects/two  spaces"))
            try box.setCurrentProject(" \t" + project + " \n\n")
            #expect(box.resolver().currentProjectFileContents() == project)
            #expect(box.resolver().logProject() == project)
            // A file saved with Windows line endings is trimmed too.
            try box.setCurrentProject(project + "\r\n")
            #expect(box.resolver().currentProjectFileContents() == project)
            #expect(box.resolver().logProject() == project)
        }
    }

    @Test func claudeProjectDirWithSpacesIsAccepted() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let project = try box.directory(box.home.appendingPathComponent("dir with spaces"))
            #expect(box.resolver(["CLAUDE_PROJECT_DIR": project]).logBase() == project + "/.oss/logs")
        }
    }

    @Test func symlinksAreResolvedToTheCanonicalPath() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let real = try box.directory(box.home.appendingPathComponent("real"))
            let link = box.home.appendingPathComponent("link")
            #expect(symlink(real, link) == 0)
            #expect(box.resolver().validate(link) == real)
            #expect(box.resolver().validate(box.home + "/./real/../real/") == real)
            // A link inside HOME pointing outside is judged by its target.
            let escape = box.home.appendingPathComponent("escape")
            #expect(symlink(box.elsewhere, escape) == 0)
            #expect(box.resolver().validate(escape) == nil)
            // A link outside pointing inside is accepted as its canonical target.
            let inward = box.elsewhere.appendingPathComponent("inward")
            #expect(symlink(real, inward) == 0)
            #expect(box.resolver().validate(inward) == real)
        }
    }

    @Test func homeReachedThroughASymlinkStillContainsItsProjects() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let project = try box.directory(box.home.appendingPathComponent("p"))
            let homeLink = root.appendingPathComponent("home-link")
            #expect(symlink(box.home, homeLink) == 0)
            let environment = Environment(["HOME": homeLink, "TMPDIR": box.tmp])
            let resolver = ProjectResolver(environment: environment, paths: OSSPaths(environment: environment))
            #expect(resolver.validate(homeLink + "/p") == project)
        }
    }

    @Test func pathsOutsideHomeAndTmpAreRejected() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let outside = try box.directory(box.elsewhere.appendingPathComponent("project"))
            let resolver = box.resolver()
            #expect(resolver.validate(outside) == nil)
            #expect(resolver.isOutsideAllowedRoots(outside))
            // A sibling sharing HOME's name as a prefix is not under HOME.
            let sibling = try box.directory(root.appendingPathComponent("home2"))
            #expect(resolver.validate(sibling) == nil)
            // HOME itself and TMPDIR itself are allowed.
            #expect(resolver.validate(box.home) == box.home)
            #expect(resolver.validate(box.tmp) == box.tmp)
            let underTmp = try box.directory(box.tmp.appendingPathComponent("t"))
            #expect(resolver.validate(underTmp) == underTmp)
        }
    }

    @Test func unsetTmpdirMeansSlashTmp() throws {
        let template = "/tmp/oss-resolver-XXXXXX"
        var buffer = Array(template.utf8CString)
        let created = try #require(buffer.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) })
        let dir = try #require(FileSystem.realPath(String(cString: created)))
        defer { FileSystem.removeTree(dir) }
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            #expect(Environment(["HOME": box.home]).tmpDir == "/tmp")
            #expect(Environment(["HOME": box.home, "TMPDIR": ""]).tmpDir == "/tmp")
            #expect(box.resolver(tmpdir: false).validate(dir) == dir)
            #expect(box.resolver(["TMPDIR": ""], tmpdir: false).validate(dir) == dir)
            // With TMPDIR set elsewhere, /tmp is no longer an allowed root (unless it is HOME or TMPDIR).
            if !dir.hasPrefix(box.tmp + "/"), !dir.hasPrefix(box.home + "/") {
                #expect(box.resolver().validate(dir) == nil)
            }
            // And a project under /tmp named by CLAUDE_PROJECT_DIR gets project-local logs.
            #expect(box.resolver(["CLAUDE_PROJECT_DIR": dir], tmpdir: false).logBase() == dir + "/.oss/logs")
        }
    }

    @Test func relativeMissingAndNonDirectoryPathsAreRejected() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let project = try box.directory(box.home.appendingPathComponent("p"))
            let file = box.home.appendingPathComponent("file.txt")
            try writeFile(file, "x")
            let resolver = box.resolver()
            #expect(resolver.validate("p") == nil)
            #expect(resolver.validate("./p") == nil)
            #expect(resolver.validate("~/p") == nil)
            #expect(resolver.validate("") == nil)
            #expect(resolver.validate(file) == nil)
            #expect(resolver.validate(box.home.appendingPathComponent("missing")) == nil)
            #expect(!resolver.isOutsideAllowedRoots(box.home.appendingPathComponent("missing")))
            #expect(resolver.validate(project) == project)
        }
    }

    @Test func invalidClaudeProjectDirDoesNotFallThroughForLogs() throws {
        try withTemporaryDirectory { root in
            let box = try Sandbox(root)
            let valid = try box.directory(box.home.appendingPathComponent("valid"))
            try box.setCurrentProject(valid)
            for bad in [box.elsewhere, "relative/path", box.home.appendingPathComponent("missing")] {
                let resolver = box.resolver(["CLAUDE_PROJECT_DIR": bad])
                #expect(resolver.logProject() == nil)
                #expect(resolver.logBase() == box.home + "/.oss/logs")
                // Workflow-state side effects do fall back to current-project (compatibility.md#log-state-effects).
                #expect(resolver.sideEffectProject() == valid)
            }
        }
    }

    @Test func pathsFollowTheEnvironment() throws {
        let paths = OSSPaths(environment: Environment(["HOME": "/h", "OSS_CONFIG_DIR": "/cfg"]))
        #expect(paths.ossDir == "/h/.oss")
        #expect(paths.configFile == "/cfg/config.json")
        #expect(paths.credentialsFile == "/cfg/credentials.enc")
        #expect(paths.settingsFile == "/h/.oss/settings.json")
        #expect(paths.currentProjectFile == "/h/.oss/current-project")
        #expect(paths.globalLogsDir == "/h/.oss/logs")
        #expect(paths.globalHealthStateFile == "/h/.oss/health-workflow-state.json")
        let plain = OSSPaths(environment: Environment(["HOME": "/h", "OSS_CONFIG_DIR": ""]))
        #expect(plain.configDir == "/h/.oss")
        let fallback = OSSPaths(environment: Environment([:]))
        #expect(fallback.home == (UserDatabase.current()?.home ?? "/"))
    }
}
