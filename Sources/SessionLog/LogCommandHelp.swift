import Shared

/// The `oss-log --help` text.
package enum LogCommandHelp {
    /// Help for humans: what the tool is, then every action.
    package static var text: String {
        "oss-log \(ToolVersion.current): session and command logs for One Shot Ship hooks.\n\n" + LogCommand.longUsage
    }
}
