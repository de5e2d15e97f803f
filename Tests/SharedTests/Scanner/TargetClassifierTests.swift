import MockInventory
import Shared
import Testing

struct TargetClassifierTests {
    @Test(arguments: [
        ("pg", Boundary.database, "pg"),
        ("@prisma/client", .database, "@prisma/client"),
        ("app.db.session", .database, "db"),
        ("../repositories/userRepository", .database, "userrepository"),
        ("UserRepository", .database, "userrepository"),
        ("JdbcTemplate", .database, "jdbctemplate"),
        ("ActiveRecord::Base", .database, "activerecord::base"),
        ("app.weather.requests.get", .api, "requests"),
        ("node-fetch", .api, "node-fetch"),
        ("https://api.stripe.com/v1/charges", .api, "api.stripe.com"),
        ("Net::HTTP.get_response", .api, "http"),
        ("URLSession", .api, "urlsession"),
        ("HTTPClient", .api, "httpclient"),
        ("fs/promises", .filesystem, "fs/promises"),
        ("builtins.open", .filesystem, "builtins.open"),
        ("app.storage.os.path.exists", .filesystem, "os.path"),
        ("Files", .filesystem, "files"),
        ("FileStoring", .filesystem, "filestoring"),
        ("os.environ", .other, "os.environ"),
        ("Clock", .other, "clock"),
        ("Logger", .other, "logger"),
        ("postgres://u:p@localhost/db", .database, "localhost"),
    ])
    func classifies(target: String, boundary: Boundary, key: String) {
        let result = TargetClassifier.classify(target)
        #expect(result.boundary == boundary)
        #expect(result.key == key)
    }
}
