import Foundation
import Testing
@testable import App

final class MockUserStore: UserStore, @unchecked Sendable {
    var saved: [String] = []
    func save(_ name: String) throws { saved.append(name) }
}

struct FakeClock: Clock {
    var now: ContinuousClock.Instant { .now }
}

final class StubURLProtocol: URLProtocol {
    override class func canInit(with request: URLRequest) -> Bool { true }
}

final class FakeFileStore<Item>: FileStoring where Item: Codable {
    func write(_ item: Item) {}
}

// final class MockMailer: Mailer is commented out
struct UserServiceTests {
    @Test func savesUser() throws {
        let store = MockUserStore()
        try store.save("ada")
        #expect(store.saved == ["ada"])
    }
}
