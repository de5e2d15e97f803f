import Foundation
import Testing

struct ClientIntegrationTests {
    @Test(.disabled("needs a token")) func liveUser() async throws {
        let url = URL(string: "https://api.github.com/user")!
        _ = try await URLSession.shared.data(from: url)
    }
}
