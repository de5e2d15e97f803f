import Dispatch
import PromptDecrypt
import Shared

/// `oss-decrypt`: fetches, decrypts and verifies One Shot Ship prompts (drop-in for the node original).
///
/// The grammar is the original's (unknown arguments ignored, `-h`/`-v` aliases, no `--x=y`), which ArgumentParser
/// cannot express, so Shared parses argv. `main` is synchronous and blocks on the async work with a semaphore.
/// HTTP goes through the system curl (`CurlTransport` says why not URLSession); the original needed curl too.
@main
enum OSSDecrypt {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let environment = Environment.current()
        BrokenPipe.ignore()
        var transport: any HTTPTransport = OfflineTransport()
        if DecryptArguments(arguments).action.usesNetwork {
            transport = CurlTransport.preferred(environment: environment)
        }
        let context = DecryptContext(environment: environment, transport: transport, console: .standard)
        let status = LockedBox<Int32>(ExitStatus.failure.rawValue)
        let done = DispatchSemaphore(value: 0)
        // Detached: `main` is main-actor isolated, and the main thread is about to block on the semaphore.
        Task.detached {
            let result = await DecryptTool.run(arguments, context: context)
            status.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        exit(status.current)
    }
}
