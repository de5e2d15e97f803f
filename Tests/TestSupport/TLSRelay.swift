import Foundation
import Shared

/// A loopback TLS endpoint in front of a plain-HTTP test server, so a tool can be sent through an HTTPS proxy
/// (`CONNECT`) to `https://127.0.0.1:<port>`. The certificate is self-signed for `127.0.0.1` and `localhost`
/// (made with the system `openssl`); point curl at it with `CURL_CA_BUNDLE`. The TLS side runs in the system
/// `python3` (its `ssl` module), which exits when the relay is stopped or the test process goes away.
package final class TLSRelay: @unchecked Sendable {
    /// The TLS port.
    package let port: UInt16
    /// The PEM certificate (use as `CURL_CA_BUNDLE`).
    package let certificate: String
    private let process: Process
    private let stdin: Pipe

    /// Why a relay cannot run here (no openssl or python3), or nil.
    package static var unavailableReason: String? {
        for tool in ["/usr/bin/openssl", "/usr/bin/python3"] where !FileManager.default.isExecutableFile(atPath: tool) {
            return "\(tool) is not installed"
        }
        return nil
    }

    /// Starts a relay from TLS on a free loopback port to `127.0.0.1:<upstream>`; files go into `directory`.
    /// - Throws: `TLSRelayError` when the certificate or the relay cannot be made.
    package init(upstream: UInt16, directory: String) throws {
        certificate = directory.appendingPathComponent("relay-cert.pem")
        let key = directory.appendingPathComponent("relay-key.pem")
        let made = try ToolRunner.runProcess(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key,
                "-out", certificate,
            ], environment: ["PATH": "/usr/bin:/bin"])
        guard made.status == 0 else { throw TLSRelayError.certificate(made.stderr) }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", Self.script, certificate, key, String(upstream)]
        process.environment = ["PATH": "/usr/bin:/bin"]
        let stdout = Pipe()
        stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line: [UInt8] = []
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A {
            line.append(byte)
        }
        guard let port = UInt16(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw TLSRelayError.notListening
        }
        self.port = port
    }

    deinit {
        stop()
    }

    /// `https://127.0.0.1:<port>`.
    package var baseURL: String { "https://127.0.0.1:\(port)" }

    /// Stops the relay.
    package func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    /// Listens on 127.0.0.1:0, prints the port, wraps each connection in TLS and pumps it to the upstream port.
    private static let script = #"""
        import os, socket, ssl, sys, threading
        cert, key, upstream = sys.argv[1], sys.argv[2], int(sys.argv[3])
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(32)
        print(server.getsockname()[1], flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        def pump(source, sink):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    sink.sendall(data)
            except Exception:
                pass
            for end in (source, sink):
                try:
                    end.close()
                except Exception:
                    pass
        def handle(client):
            try:
                secure = context.wrap_socket(client, server_side=True)
                plain = socket.create_connection(("127.0.0.1", upstream))
            except Exception:
                client.close()
                return
            threading.Thread(target=pump, args=(plain, secure), daemon=True).start()
            pump(secure, plain)
        while True:
            connection, _ = server.accept()
            threading.Thread(target=handle, args=(connection,), daemon=True).start()
        """#
}

/// Why a TLS relay could not start.
package enum TLSRelayError: Error {
    case certificate(String)
    case notListening
}
