// The tests declare `final class MockUserStore: UserStore`; this comment is not a fake.
let hint = "final class FakeFileStore: FileStoring {}"

protocol UserStore {
    func save(_ name: String) throws
}

final class MockingBird: UserStore {
    func save(_ name: String) throws {}
}
