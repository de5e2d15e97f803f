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

struct OutboxTests {
    @Test func writeThenReadRoundTripsWithPrivateModes() throws {
        try withTemporaryDirectory { dir in
            let requests = [
                OutboxRequest(
                    method: "POST", url: "https://api.example.test/api/v1/analytics/track",
                    headers: [
                        HTTPHeader("Authorization", "Bearer ak_x"), HTTPHeader("Content-Type", "application/json"),
                    ],
                    body: #"{"event":"start","note":"ünï \"q\""}"#),
                OutboxRequest(method: "GET", url: "https://api.telegram.org/botT/sendMessage"),
            ]
            let path = try Outbox.write(requests, directory: dir + "/outbox")
            #expect(try Outbox.read(path) == requests)
            var status = stat()
            #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
            #expect(stat(dir + "/outbox", &status) == 0 && status.st_mode & 0o777 == 0o700)
            let second = try Outbox.write([], directory: dir + "/outbox")
            #expect(second != path)
            #expect(try Outbox.read(second).isEmpty)
        }
    }

    @Test func unreadableOrMalformedFilesAreReported() throws {
        try withTemporaryDirectory { dir in
            #expect(throws: Outbox.ReadError.unreadable(path: dir + "/none.json")) {
                try Outbox.read(dir + "/none.json")
            }
            for text in ["nope", #"{"version":2,"requests":[]}"#, #"{"version":1,"requests":[{"method":"GET"}]}"#] {
                try writeFile(dir + "/bad.json", text)
                #expect(throws: Outbox.ReadError.malformed(path: dir + "/bad.json")) {
                    try Outbox.read(dir + "/bad.json")
                }
            }
        }
    }
}
