#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The current user's entry in the password database (`getpwuid`).
package struct UserDatabase: Sendable {
    /// The login name.
    package var name: String
    /// The home directory.
    package var home: String

    /// The entry for the real user id, if the database has one.
    package static func current() -> UserDatabase? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let dir = entry.pointee.pw_dir else {
            return nil
        }
        return UserDatabase(name: String(cString: name), home: String(cString: dir))
    }
}
