import Shared
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 10 item 1: the symbolic-link rule for a project's `.oss`.
struct ProjectTreeTests {
    @Test func treeIsTheDirectoryBeforeTheLastOSSComponentExceptTheUsersOwn() {
        #expect(ProjectTree(containing: "/p/.oss/logs/current-session", home: "/home/u")?.root == "/p")
        #expect(ProjectTree(containing: "/home/u/.oss/logs", home: "/home/u") == nil)
        #expect(ProjectTree(containing: "/home/u/.oss/logs", home: "/home/u/") == nil)
        #expect(ProjectTree(containing: "/var/logs", home: "/home/u") == nil)
        #expect(ProjectTree(containing: "/a/.oss/b/.oss/logs", home: nil)?.root == "/a/.oss/b")
    }

    @Test func prepareCreatesRealDirectoriesAndRefusesLinks() throws {
        try withTemporaryDirectory { root in
            let tree = ProjectTree(root: root)
            try tree.prepare(root + "/.oss/logs/current-session", mode: 0o700)
            #expect(FileSystem.isDirectory(root + "/.oss/logs/current-session"))

            try FileSystem.createDirectories(root + "/elsewhere")
            #expect(symlink(root + "/elsewhere", root + "/.oss/logs/archive") == 0)
            #expect(throws: FileError.self) { try tree.prepare(root + "/.oss/logs/archive") }
            #expect(throws: FileError.self) { try tree.check(root + "/.oss/logs/archive/x") }
            let error = #expect(throws: FileError.self) { try tree.prepare(root + "/.oss/logs/archive") }
            #expect(error?.description.contains("archive: it is a symbolic link") == true)
            #expect(FileSystem.listDirectory(root + "/elsewhere").isEmpty)

            try writeFile(root + "/.oss/file", "x")
            #expect(throws: FileError.self) { try tree.prepare(root + "/.oss/file/sub") }
            try tree.check(root + "/.oss/missing/deeper")
        }
    }

    @Test func appendsAndLocksRefuseLinksAndNonRegularFiles() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/victim", "mine\n")
            #expect(symlink(root + "/victim", root + "/log") == 0)
            #expect(throws: FileError.symbolicLink(root + "/log", operation: "open")) {
                try FileSystem.appendLine("x", to: root + "/log")
            }
            #expect(readFile(root + "/victim") == "mine\n")
            #expect(symlink(root + "/created", root + "/lock") == 0)
            #expect(throws: FileError.self) { try FileSystem.withExclusiveLock(root + "/lock") {} }
            #expect(!FileSystem.exists(root + "/created"))
            #expect(mkfifo(root + "/fifo", 0o600) == 0)
            // A FIFO without a reader fails to open (ENXIO, thanks to O_NONBLOCK); with one it is not a regular file.
            #expect(throws: FileError.self) {
                try FileSystem.appendLine("x", to: root + "/fifo")
            }
            #expect(throws: FileError.self) { try FileSystem.readRegularFile(root + "/log") }
            #expect(try FileSystem.readRegularFile(root + "/missing") == nil)
            #expect(try FileSystem.readRegularFile(root + "/victim") == Array("mine\n".utf8))
        }
    }
}
