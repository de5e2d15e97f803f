import Shared

extension IronLawChecklist {
    /// `oss-log checklist <command>`: evaluates the iron laws in `workingDirectory` (staged files from git when it
    /// is a TypeScript project) and appends the checklist to the command's log and a summary to the session log.
    /// - Throws: `CommandNameError` for a name that is not a plain command name, `FileError` when a log cannot be
    ///   written.
    package static func record(
        command: String, in book: LogBook, environment: Environment, workingDirectory: String
    ) throws {
        try CommandNameError.validate(command)
        var staged: [String]?
        if FileSystem.exists(workingDirectory.appendingPathComponent("tsconfig.json")),
            let git = ChildProcess.which("git", environment: environment)
        {
            let result = ChildProcess.run(
                git, arguments: ["diff", "--cached", "--name-only"], environment: environment,
                directory: workingDirectory, timeout: 10)
            if result.status == 0 {
                staged = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
            }
        }
        let checklist = evaluate(
            directory: workingDirectory, branch: GitBranchReader().branch(startingAt: workingDirectory),
            stagedFiles: staged, home: OSSPaths(environment: environment).home)
        let path = book.commandLog(command)
        try book.append(checklist.commandLogLines(command: command, stamp: book.stamp()).map { (path, $0) })
        try book.entry(command: command, type: "IRON_LAW", message: checklist.summary, sessionOnly: true)
    }
}
