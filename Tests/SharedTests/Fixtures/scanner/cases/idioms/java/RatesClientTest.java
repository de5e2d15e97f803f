package example;

import org.springframework.test.web.client.MockRestServiceServer;

class RatesClientTest {
  void setUp() {
    MockRestServiceServer server = MockRestServiceServer.bindTo(restTemplate).build();
  }

  void pact(PactDslWithProvider builder) {
    builder.given("rates exist").uponReceiving("a rates request").path("/rates").method("GET").willRespondWith().status(200);
  }
}
