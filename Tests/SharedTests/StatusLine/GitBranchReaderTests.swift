import Shared
import TestSupport
import Testing

struct GitBranchReaderTests {
    @Test func branchFromHeadReference() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/repo/.git/HEAD", "ref: refs/heads/feat/alpha\n")
            #expect(GitBranchReader().branch(startingAt: root + "/repo") == "feat/alpha")
        }
    }

    @Test func walksUpFromNestedDirectories() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/repo/.git/HEAD", "ref: refs/heads/main\n")
            try FileSystem.createDirectories(root + "/repo/Sources/App/Deep")
            #expect(GitBranchReader().branch(startingAt: root + "/repo/Sources/App/Deep") == "main")
        }
    }

    @Test func worktreeGitFileWithAbsoluteGitdir() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/main/.git/HEAD", "ref: refs/heads/main\n")
            try writeFile(root + "/main/.git/worktrees/wt/HEAD", "ref: refs/heads/feat/wt\n")
            try writeFile(root + "/wt/.git", "gitdir: \(root)/main/.git/worktrees/wt\n")
            try FileSystem.createDirectories(root + "/wt/src")
            #expect(GitBranchReader().branch(startingAt: root + "/wt/src") == "feat/wt")
        }
    }

    @Test func gitFileWithRelativeGitdir() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/super/.git/modules/sub/HEAD", "ref: refs/heads/topic\n")
            try writeFile(root + "/super/sub/.git", "gitdir: ../.git/modules/sub")
            #expect(GitBranchReader().branch(startingAt: root + "/super/sub") == "topic")
        }
    }

    @Test func detachedHeadHasNoBranch() throws {
        try withTemporaryDirectory { root in
            let sha = "3f786850e387550fdab836ed7e6dc881de23001b"
            try writeFile(root + "/repo/.git/HEAD", sha + "\n")
            let reader = GitBranchReader()
            #expect(reader.branch(startingAt: root + "/repo") == nil)
            #expect(reader.head(startingAt: root + "/repo") == .detached(sha))
        }
    }

    @Test func brokenGitFilesGiveNothing() throws {
        try withTemporaryDirectory { root in
            try writeFile(root + "/a/.git", "not a pointer\n")
            try writeFile(root + "/b/.git", "gitdir: \(root)/missing\n")
            try writeFile(root + "/c/.git/HEAD", "garbage\n")
            try writeFile(root + "/d/.git/HEAD", "ref: refs/tags/v1\n")
            try writeFile(root + "/e/.git/HEAD", "ref: refs/heads/\n")
            let reader = GitBranchReader()
            for name in ["a", "b", "c", "d", "e"] {
                #expect(reader.branch(startingAt: "\(root)/\(name)") == nil)
            }
            #expect(reader.branch(startingAt: "relative/path") == nil)
        }
    }

    @Test func fifoInPlaceOfHeadDoesNotBlock() throws {
        try withTemporaryDirectory { root in
            try FileSystem.createDirectories(root + "/repo/.git")
            #expect(mkfifo(root + "/repo/.git/HEAD", 0o600) == 0)
            #expect(GitBranchReader().branch(startingAt: root + "/repo") == nil)
        }
    }

    @Test func parsesHeadText() {
        #expect(GitBranchReader.parseHead("ref: refs/heads/feat/alpha") == .branch("feat/alpha"))
        #expect(GitBranchReader.parseHead("ref:refs/heads/x\r\n") == .branch("x"))
        #expect(GitBranchReader.parseHead("") == nil)
        #expect(GitBranchReader.parseGitdirFile("gitdir: /a/b\n") == "/a/b")
        #expect(GitBranchReader.parseGitdirFile("gitdir:") == nil)
    }
}
