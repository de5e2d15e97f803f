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

@Suite(.timeLimit(.minutes(2)))
struct StdinReaderTests {
    /// A pipe; the test closes what it still holds.
    private func makePipe() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        return (fds[0], fds[1])
    }

    private func send(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
    }

    private func milliseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    @Test func readsToEndOfInput() {
        let (readEnd, writeEnd) = makePipe()
        defer { close(readEnd) }
        send(#"{"a":1}"#, to: writeEnd)
        close(writeEnd)
        let result = StdinReader().read(fd: readEnd)
        #expect(result == StdinReader.Result(bytes: Array(#"{"a":1}"#.utf8), outcome: .endOfInput))
    }

    @Test func stdinThatNeverClosesStopsAtTheDeadline() {
        let (readEnd, writeEnd) = makePipe()
        defer {
            close(readEnd)
            close(writeEnd)
        }
        send(#"{"partial":"#, to: writeEnd)
        let start = milliseconds()
        let result = StdinReader(deadlineMilliseconds: 150).read(fd: readEnd)
        let elapsed = milliseconds() - start
        #expect(result.outcome == .deadlineReached)
        #expect(result.bytes == Array(#"{"partial":"#.utf8))
        #expect(elapsed >= 140 && elapsed < 1000)
    }

    @Test func stopsAsSoonAsTheInputIsComplete() {
        let (readEnd, writeEnd) = makePipe()
        defer {
            close(readEnd)
            close(writeEnd)
        }
        send(#"{"model":{}}"#, to: writeEnd)
        let start = milliseconds()
        let result = StdinReader(deadlineMilliseconds: 5000).read(
            fd: readEnd, isComplete: StatusLineInput.isCompleteDocument)
        #expect(result.outcome == .complete)
        #expect(milliseconds() - start < 1000)
    }

    @Test func capsTheSize() {
        let (readEnd, writeEnd) = makePipe()
        defer {
            close(readEnd)
            close(writeEnd)
        }
        send(String(repeating: "x", count: 5000), to: writeEnd)
        let result = StdinReader(limit: 1000).read(fd: readEnd)
        #expect(result.outcome == .limitReached)
        #expect(result.bytes.count == 1000)
    }

    @Test func defaultsAreOneMebibyteAndTwoHundredMilliseconds() {
        let reader = StdinReader()
        #expect(reader.limit == 1_048_576)
        #expect(reader.deadlineMilliseconds == 200)
    }

    @Test func invalidDescriptorIsAReadError() {
        // A descriptor number far above anything a test process opens (a just-closed one could be reused).
        #expect(StdinReader().read(fd: 987_654).outcome == .readError)
    }
}
