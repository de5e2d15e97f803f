import Shared

/// The IRON LAW compliance checklist that `oss-log checklist <cmd>` appends when a command completes.
///
/// Four laws are checked automatically in the working directory (#4 feature branch, #1 no skipped or focused
/// tests, #2 no `: any` in staged TypeScript, #6 dev docs present); #3 and #5 need a human. Every check counts
/// correctly and the summary is always written (fixes D3).
package struct IronLawChecklist: Sendable {
    /// The outcome of one law.
    package enum Outcome: String, Sendable, Equatable {
        case passed = "✓"
        case failed = "✗"
        case manual = "?"
    }

    /// One line of the checklist.
    package struct Item: Sendable, Equatable {
        /// The law number.
        package var law: Int
        /// The outcome.
        package var outcome: Outcome
        /// What was checked and what was found.
        package var text: String
    }

    /// The six items in the original's order (4, 1, 2, 6, 3, 5).
    package var items: [Item]

    /// How many of the four automated checks passed.
    package var passedCount: Int { items.filter { $0.outcome == .passed }.count }

    /// Runs the automated checks in `directory`.
    /// - Parameters:
    ///   - branch: the current git branch, nil outside a repository or on a detached HEAD.
    ///   - stagedFiles: the staged paths (relative to `directory`), nil when git could not be asked.
    ///   - home: the user's home, for `~/.oss/dev/active`.
    package static func evaluate(directory: String, branch: String?, stagedFiles: [String]?, home: String)
        -> IronLawChecklist
    {
        var items: [Item] = []
        switch branch {
        case .some("main"), .some("master"):
            items.append(
                Item(law: 4, outcome: .failed, text: "Feature branch: on \(branch ?? "") (work on a feature branch)"))
        case .some(let name):
            items.append(Item(law: 4, outcome: .passed, text: "Feature branch: \(name)"))
        case .none:
            items.append(Item(law: 4, outcome: .failed, text: "Feature branch: no git branch found"))
        }

        if FileSystem.exists(directory.appendingPathComponent("package.json")) {
            let offenders = skippedTests(in: directory)
            items.append(
                offenders.isEmpty
                    ? Item(law: 1, outcome: .passed, text: "Tests: no .skip/.only/.todo in test files")
                    : Item(
                        law: 1, outcome: .failed,
                        text: "Tests: .skip/.only/.todo in \(offenders.prefix(3).joined(separator: ", "))"))
        } else {
            items.append(Item(law: 1, outcome: .passed, text: "Tests: no package.json, nothing to check"))
        }

        if FileSystem.exists(directory.appendingPathComponent("tsconfig.json")) {
            if let staged = stagedFiles {
                let offenders = staged.filter { $0.hasSuffix(".ts") || $0.hasSuffix(".tsx") }.filter { file in
                    readCapped(directory.appendingPathComponent(file))?.contains(": any") ?? false
                }
                items.append(
                    offenders.isEmpty
                        ? Item(law: 2, outcome: .passed, text: "Types: no ': any' in staged TypeScript")
                        : Item(
                            law: 2, outcome: .failed,
                            text: "Types: ': any' in \(offenders.prefix(3).joined(separator: ", "))"))
            } else {
                items.append(
                    Item(law: 2, outcome: .failed, text: "Types: could not list staged files (git unavailable)"))
            }
        } else {
            items.append(Item(law: 2, outcome: .passed, text: "Types: no tsconfig.json, nothing to check"))
        }

        let docs = [
            directory.appendingPathComponent(".oss/dev/active"), directory.appendingPathComponent("dev/active"),
            home.appendingPathComponent(".oss/dev/active"),
        ]
        if let found = docs.first(where: FileSystem.isDirectory) {
            items.append(Item(law: 6, outcome: .passed, text: "Dev docs: \(found)"))
        } else {
            items.append(Item(law: 6, outcome: .failed, text: "Dev docs: no dev/active directory"))
        }
        items.append(Item(law: 3, outcome: .manual, text: "Loop detection: review manually"))
        items.append(Item(law: 5, outcome: .manual, text: "Agent delegation: review manually"))
        return IronLawChecklist(items: items)
    }

    /// The lines appended to `<cmd>.log`: a blank line, a stamped rule, the title, a rule, the six items, a rule,
    /// a blank line.
    package func commandLogLines(command: String, stamp: String) -> [String] {
        let rule = String(repeating: "═", count: 55)
        return ["", "[\(stamp)] \(rule)", "IRON LAW COMPLIANCE CHECKLIST (/oss:\(command) complete)", rule]
            + items.map { "  [\($0.outcome.rawValue)] LAW #\($0.law): \($0.text)" } + [rule, ""]
    }

    /// The session.log summary message (after `[ts] [<cmd>] [IRON_LAW] `).
    package var summary: String {
        "CHECKLIST: \(passedCount)/4 automated checks passed"
    }

    /// Limits of the test-file walk: the repository is untrusted and the hook must finish quickly.
    package enum WalkLimits {
        /// Directories never entered (besides every dot-directory): dependencies and build output.
        package static let skippedDirectories: Set<String> = [
            "node_modules", "bower_components", "jspm_packages", "vendor", "dist", "build", "out", "coverage",
            "target", "tmp",
        ]
        /// Test files read at most.
        package static let maximumFiles = 2000
        /// Directory entries looked at, at most.
        package static let maximumEntries = 100_000
        /// Bytes read from one test file (the rest of a bigger file is not looked at).
        package static let maximumFileBytes = 1_048_576
        /// Wall-clock budget of the whole walk, in seconds.
        package static let seconds = 0.5
    }

    /// Test files (`*.test.ts`, `*.test.js`, also `.tsx`/`.jsx`/`.spec.*`) containing `.skip(`, `.only(` or `.todo(`.
    ///
    /// Like the original's `find`, symbolic links are never followed (neither to directories nor to files); only
    /// regular files are read, each up to `WalkLimits.maximumFileBytes`; dot-directories and
    /// `WalkLimits.skippedDirectories` are skipped; the walk stops after `WalkLimits.maximumFiles` files,
    /// `maximumEntries` entries or `seconds`, whichever comes first.
    package static func skippedTests(in directory: String) -> [String] {
        var offenders: [String] = []
        var files = WalkLimits.maximumFiles
        var entries = WalkLimits.maximumEntries
        let budget = TimeBudget(seconds: WalkLimits.seconds)
        func walk(_ path: String, _ relative: String) {
            for name in FileSystem.listDirectory(path) {
                entries -= 1
                if files <= 0 || entries <= 0 || (entries % 64 == 0 && budget.isExhausted) { return }
                if name.hasPrefix(".") { continue }
                let child = path.appendingPathComponent(name)
                var status = stat()
                guard lstat(child, &status) == 0 else { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    if !WalkLimits.skippedDirectories.contains(name) { walk(child, childRelative) }
                case S_IFREG:
                    guard isTestFile(name) else { continue }
                    files -= 1
                    if containsSkippedTest(child) { offenders.append(childRelative) }
                default:
                    continue
                }
            }
        }
        walk(directory, "")
        return offenders
    }

    private static func isTestFile(_ name: String) -> Bool {
        (name.contains(".test.") || name.contains(".spec."))
            && (name.hasSuffix(".ts") || name.hasSuffix(".js") || name.hasSuffix(".tsx") || name.hasSuffix(".jsx"))
    }

    /// Whether the start of a test file holds `.skip(`, `.only(` or `.todo(`.
    private static func containsSkippedTest(_ path: String) -> Bool {
        guard let text = readCapped(path) else { return false }
        return text.contains(".skip(") || text.contains(".only(") || text.contains(".todo(")
    }

    /// The first `maximumFileBytes` of a regular file opened without following a link (nil for anything else).
    private static func readCapped(_ path: String) -> String? {
        SmallFile.prefix(path, limit: WalkLimits.maximumFileBytes).map { String(decoding: $0, as: UTF8.self) }
    }
}
