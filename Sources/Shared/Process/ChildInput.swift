/// What a child reads on stdin.
package enum ChildInput: Sendable, Equatable {
    /// `/dev/null`.
    case null
    /// These bytes, written on a pipe that is then closed (the child must read its input before writing much).
    case bytes([UInt8])
}
