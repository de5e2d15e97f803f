import Crypto
import Shared

/// The inputs of the `credentials.enc` machine key (compatibility.md#credentials): `"<user>:<home>:<platform>:<arch>"`.
package struct MachineIdentity: Equatable, Sendable {
    /// The user component (`$USER`, the login name, or upstream's fallback `user`).
    package var user: String
    /// Node's `os.homedir()`: `$HOME` when set.
    package var home: String
    /// Node's `process.platform` name (`linux`, `darwin`).
    package var platform: String
    /// Node's `process.arch` name (`x64`, `arm64`).
    package var arch: String

    /// Creates an identity from its four components.
    package init(user: String, home: String, platform: String = Self.currentPlatform, arch: String = Self.currentArch) {
        self.user = user
        self.home = home
        self.platform = platform
        self.arch = arch
    }

    /// The string whose SHA-256 is the key.
    package var idString: String { "\(user):\(home):\(platform):\(arch)" }

    /// The raw 32-byte AES key: SHA-256 of `idString`.
    package var key: SymmetricKey { SymmetricKey(data: ContentHash.sha256(idString)) }

    /// Identities to try, most likely first.
    ///
    /// With `USER` set this is just that user, exactly as upstream. With `USER` unset or empty (launchd, cron, some
    /// IDE shells) upstream silently switched to `user` and lost the credentials (D36); here the login name comes
    /// first, so credentials written from a normal shell are still found, then upstream's `user` fallback.
    package static func candidates(
        user: String?,
        loginName: String?,
        home: String,
        platform: String = currentPlatform,
        arch: String = currentArch
    ) -> [MachineIdentity] {
        if let user, !user.isEmpty {
            return [MachineIdentity(user: user, home: home, platform: platform, arch: arch)]
        }
        var names: [String] = []
        if let loginName, !loginName.isEmpty, loginName != "user" { names.append(loginName) }
        names.append("user")
        return names.map { MachineIdentity(user: $0, home: home, platform: platform, arch: arch) }
    }

    /// The login name of the current real user from the password database, if any.
    package static func loginName() -> String? {
        guard let name = UserDatabase.current()?.name, !name.isEmpty else { return nil }
        return name
    }

    /// This build's platform in Node's spelling.
    package static var currentPlatform: String {
        #if os(macOS)
            "darwin"
        #elseif os(Linux)
            "linux"
        #elseif os(FreeBSD)
            "freebsd"
        #else
            "unknown"
        #endif
    }

    /// This build's CPU architecture in Node's spelling.
    package static var currentArch: String {
        #if arch(arm64)
            "arm64"
        #elseif arch(x86_64)
            "x64"
        #else
            "unknown"
        #endif
    }
}
