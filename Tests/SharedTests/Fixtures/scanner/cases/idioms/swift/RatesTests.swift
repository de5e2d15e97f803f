import Foundation
import Mocker
import XCTest

final class RatesTests: XCTestCase {
    func testRates() {
        let m = Mock(url: URL(string: "https://api.rates.io/latest?base=EUR")!, statusCode: 200, data: [.get: Data()])
        m.register()
    }
}
