import GRDB
import Testing
@testable import App

struct UserStoreIntegrationTests {
    @Test func savesToSQLite() throws {
        let queue = try DatabaseQueue()
        let store: any UserStore = SQLiteUserStore(queue: queue)
        try store.save("ada")
    }
}
