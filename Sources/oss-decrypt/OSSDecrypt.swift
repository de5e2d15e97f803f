import PromptDecrypt
import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// `oss-decrypt`: fetches, decrypts and verifies One Shot Ship prompts (drop-in for the node original).
///
/// The grammar is the original's (unknown arguments ignored, `-h`/`-v` aliases, no `--x=y`), which ArgumentParser
/// cannot express, so Shared parses argv. `main` is synchronous and blocks on the async work (`BlockingTask`).
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
        exit(BlockingTask.run { await DecryptTool.run(arguments, context: context) })
    }
}
