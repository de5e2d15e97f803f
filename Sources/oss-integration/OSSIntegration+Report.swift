import ArgumentParser
import Integration
import Shared

extension OSSIntegration {
    /// Reports `event` in-process and writes its output; a non-zero status becomes the exit code.
    static func report(_ event: IntegrationEvent) throws {
        BrokenPipe.ignore()
        let output = event.report(environment: .current(), workingDirectory: FileSystem.realPath("."))
        Console.standard.out(output.stdout)
        Console.standard.err(output.stderr)
        if output.status != .success { throw ExitCode(output.status.rawValue) }
    }
}
