import Shared
import StatusLine
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("✅", 2), ("⚠️", 2), ("⛔", 2), ("🌿", 2), ("✓", 1), ("⚡", 2), ("→", 1), ("…", 1),
        ("漢字", 4), ("e\u{301}", 1), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("", 0),
    ])
    func measuresGraphemes(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func ansiSequencesHaveNoWidth() {
        #expect(DisplayWidth.of("\u{1B}[1;31mred\u{1B}[0m") == 3)
        #expect(DisplayWidth.of("\u{1B}]8;;https://x\u{7}link\u{1B}]8;;\u{1B}\\") == 4)
    }

    @Test func textThatFitsIsUnchanged() {
        #expect(DisplayWidth.truncate("✅ | [Claude]", toColumns: 13) == "✅ | [Claude]")
        #expect(DisplayWidth.truncate("anything", toColumns: 0) == "anything")
    }

    @Test func truncationEndsInEllipsisWithinTheColumns() {
        let cut = DisplayWidth.truncate("✅ | [Claude] app | 🌿 feat/alpha", toColumns: 16)
        #expect(cut == "✅ | [Claude] a…")
        #expect(DisplayWidth.of(cut) <= 16)
    }

    @Test func truncationNeverSplitsAGraphemeOrAWideCharacter() {
        // The family emoji is one grapheme of width 2: with 3 columns only "a" and the ellipsis fit after it is
        // dropped whole.
        #expect(DisplayWidth.truncate("a👨‍👩‍👧b", toColumns: 3) == "a…")
        #expect(DisplayWidth.truncate("a👨‍👩‍👧bc", toColumns: 4) == "a👨‍👩‍👧…")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", toColumns: 2) == "e\u{301}…")
        #expect(DisplayWidth.truncate("漢字漢字", toColumns: 4) == "漢…")
    }

    @Test func truncationKeepsEscapeSequencesWhole() {
        let cut = DisplayWidth.truncate("\u{1B}[31mabcdef\u{1B}[0m", toColumns: 4)
        #expect(cut == "\u{1B}[31mabc…")
    }
}
