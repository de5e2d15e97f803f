import Foundation
import Shared
import TestSupport
import Testing

@testable import SessionLog

/// Command names become `<current-session>/<name>.log` and a bracketed field of session.log: names that would
/// leave the directory or forge a line are refused before anything is written.
struct CommandNameTests {
    @Test(arguments: [
        "build", "build-team", "team:security-audit", "a..b", "ünïcödé ✓", String(repeating: "x", count: 251),
    ])
    func ordinaryNamesAreAccepted(_ name: String) throws {
        try CommandNameError.validate(name)
    }

    @Test(arguments: [
        ("../../escape", CommandNameError.pathSeparator("../../escape")),
        ("a/b", .pathSeparator("a/b")),
        ("/abs", .pathSeparator("/abs")),
        (".", .dotName(".")),
        ("..", .dotName("..")),
        ("a\nb", .controlCharacter("a\nb")),
        ("a\rb", .controlCharacter("a\rb")),
        ("nul\u{0}", .controlCharacter("nul\u{0}")),
        ("del\u{7F}", .controlCharacter("del\u{7F}")),
        (String(repeating: "x", count: 252), .tooLong(String(repeating: "x", count: 252))),
    ])
    func unsafeNamesAreRefused(_ name: String, _ expected: CommandNameError) {
        #expect(throws: expected) { try CommandNameError.validate(name) }
    }

    @Test func descriptionsQuoteAShortPrefix() {
        let long = String(repeating: "y", count: 1_000_000) + "/"
        let text = CommandNameError.pathSeparator(long).description
        #expect(text == "invalid command name \"\(String(repeating: "y", count: 40))\"…: it must not contain /")
        #expect(CommandNameError.controlCharacter("a\nb").description.contains(#""a\nb""#))
    }

    /// Regression: `write ../../../../escape hi` used to create `escape.log` four levels above the session
    /// directory, and a newline in the name forged a session.log line.
    @Test func theLogBookWritesNothingForAnUnsafeName() throws {
        try withTemporaryDirectory { root in
            let book = LogBook(base: root.appendingPathComponent("a/b/logs"), settings: Settings())
            try book.prepare()
            for name in ["../../../escape", "x\n[00:00:00] [forged] line"] {
                #expect(throws: CommandNameError.self) { try book.write(command: name, message: "hi") }
                #expect(throws: CommandNameError.self) { try book.entry(command: name, type: "TEST", message: "hi") }
                #expect(throws: CommandNameError.self) { _ = try book.start(command: name, pid: 1) }
            }
            #expect(!FileSystem.exists(root.appendingPathComponent("a/escape.log")))
            #expect(!FileSystem.exists(book.sessionLog))
            #expect(FileSystem.listDirectory(book.currentSession).isEmpty)
        }
    }
}
