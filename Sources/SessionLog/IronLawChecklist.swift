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
                    guard let bytes = FileSystem.readIfPresent(directory.appendingPathComponent(file)) else {
                        return false
                    }
                    return String(decoding: bytes, as: UTF8.self).contains(": any")
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

    /// Test files (`*.test.ts`, `*.test.js`, also `.tsx`/`.jsx`/`.spec.*`) containing `.skip(`, `.only(` or `.todo(`,
    /// outside `node_modules` and dot-directories; at most 2 000 files are read.
    private static func skippedTests(in directory: String) -> [String] {
        var offenders: [String] = []
        var budget = 2000
        func walk(_ path: String, _ relative: String) {
            for name in FileSystem.listDirectory(path) where budget > 0 {
                if name.hasPrefix(".") || name == "node_modules" { continue }
                let child = path.appendingPathComponent(name)
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                if FileSystem.isDirectory(child) {
                    walk(child, childRelative)
                } else if name.contains(".test.") || name.contains(".spec."),
                    name.hasSuffix(".ts") || name.hasSuffix(".js") || name.hasSuffix(".tsx") || name.hasSuffix(".jsx")
                {
                    budget -= 1
                    guard let bytes = FileSystem.readIfPresent(child) else { continue }
                    let text = String(decoding: bytes, as: UTF8.self)
                    if text.contains(".skip(") || text.contains(".only(") || text.contains(".todo(") {
                        offenders.append(childRelative)
                    }
                }
            }
        }
        walk(directory, "")
        return offenders
    }
}
