import Shared

extension Console {
    /// A console that drops everything (tests that only look at results).
    package static let discard = Console(out: { _ in }, err: { _ in })
}
