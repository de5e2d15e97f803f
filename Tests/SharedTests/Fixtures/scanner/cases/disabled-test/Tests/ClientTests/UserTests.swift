import Foundation
import Mocker
import Testing

struct UserTests {
    @Test func fetchesUser() async throws {
        Mock(url: URL(string: "https://api.github.com/user")!, statusCode: 200, data: [.get: Data()]).register()
    }
}
