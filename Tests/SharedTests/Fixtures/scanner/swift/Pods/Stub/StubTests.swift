final class MockNetwork: NetworkClient {}
