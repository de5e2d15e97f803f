import Foundation
import Shared

/// Starts a private PostgreSQL server from the binaries on PATH (`initdb`, `pg_ctl`), listening only on a Unix
/// socket in a temporary directory, and stops and removes it afterwards. Under root the server runs as the
/// `postgres` user through `runuser`, since PostgreSQL refuses to run as root.
package final class PostgresLauncher {
    /// The libpq connection string of the running server.
    package let url: String
    private let directory: String
    private let prefix: [String]
    private let pgCtl: String
    private let environment: Environment
    private var stopped = false

    /// Why a server could not be started.
    package struct LaunchError: Error, Equatable {
        /// What failed.
        package var message: String
    }

    /// Starts a server; throws when the binaries are missing or the server does not come up in 30 seconds.
    package init(environment: Environment) throws(LaunchError) {
        self.environment = environment
        let searchEnvironment = PostgresLauncher.environmentWithServerBinaries(environment)
        guard let initdb = ChildProcess.which("initdb", environment: searchEnvironment),
            let pgCtl = ChildProcess.which("pg_ctl", environment: searchEnvironment)
        else { throw LaunchError(message: "no initdb/pg_ctl on PATH") }
        self.pgCtl = pgCtl
        var template = Array((environment.tmpDir + "/oss-check-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw LaunchError(message: "cannot create a temporary directory") }
        directory = String(cString: made)
        var prefix: [String] = []
        if geteuid() == 0 {
            guard let runuser = ChildProcess.which("runuser", environment: searchEnvironment),
                let account = getpwnam("postgres")
            else {
                rmdir(directory)
                throw LaunchError(message: "running as root without a postgres user to run the server as")
            }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
            prefix = [runuser, "-u", "postgres", "--"]
        }
        self.prefix = prefix
        url = "host=\(directory) dbname=postgres user=oss_check"
        let data = directory + "/data"
        guard run(prefix + [initdb, "-D", data, "-A", "trust", "-U", "oss_check", "--no-sync", "-E", "UTF8"]) == 0
        else {
            try? FileManager.default.removeItem(atPath: directory)
            throw LaunchError(message: "initdb failed")
        }
        let options = "-c listen_addresses='' -k \(directory) -c fsync=off -c full_page_writes=off"
        guard
            run(
                prefix + [pgCtl, "-D", data, "-l", directory + "/server.log", "-o", options, "-w", "-t", "30", "start"])
                == 0
        else {
            try? FileManager.default.removeItem(atPath: directory)
            throw LaunchError(message: "the PostgreSQL server did not start")
        }
    }

    deinit { stop() }

    /// Stops the server and removes its directory.
    package func stop() {
        guard !stopped else { return }
        stopped = true
        _ = run(prefix + [pgCtl, "-D", directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func run(_ command: [String]) -> Int32? {
        guard let executable = command.first else { return nil }
        return ChildProcess.run(
            executable, arguments: Array(command.dropFirst()), environment: environment, stdout: .null, timeout: 60
        ).status
    }

    /// True when a server can probably be started here.
    package static func available(environment: Environment) -> Bool {
        let search = environmentWithServerBinaries(environment)
        return ChildProcess.which("initdb", environment: search) != nil
            && ChildProcess.which("pg_ctl", environment: search) != nil
    }

    /// PATH plus Debian's versioned server directory (`/usr/lib/postgresql/N/bin`), where `initdb` lives.
    private static func environmentWithServerBinaries(_ environment: Environment) -> Environment {
        var variables = environment.variables
        var path = variables["PATH"] ?? "/usr/bin:/bin"
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            for version in versions.sorted(by: >) { path += ":/usr/lib/postgresql/\(version)/bin" }
        }
        variables["PATH"] = path
        return Environment(variables)
    }
}
