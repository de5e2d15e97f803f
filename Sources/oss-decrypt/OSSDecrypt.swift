import Dispatch
import Networking
import Shared

/// `oss-decrypt`: fetches, decrypts and verifies One Shot Ship prompts (drop-in for the node original).
///
/// The grammar is the original's (unknown arguments ignored, `-h`/`-v` aliases, no `--x=y`), which ArgumentParser
/// cannot express, so Shared parses argv. `main` is synchronous and blocks on the async work with a semaphore.
@main
enum OSSDecrypt {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Created before anything else: its URLSession (libcurl, OpenSSL) initialises in the background meanwhile.
        let network = DecryptArguments(arguments).action.usesNetwork ? URLSessionTransport() : nil
        let context = DecryptContext(
            environment: .current(), transport: network ?? OfflineTransport() as any HTTPTransport,
            console: .standard)
        let status = LockedBox<Int32>(ExitStatus.failure.rawValue)
        let done = DispatchSemaphore(value: 0)
        // Detached: `main` is main-actor isolated, and the main thread is about to block on the semaphore.
        Task.detached {
            let result = await DecryptTool.run(arguments, context: context)
            await network?.settle()
            status.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        exit(status.current)
    }
}
