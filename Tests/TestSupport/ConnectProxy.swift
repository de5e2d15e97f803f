import Foundation
import Shared

/// A loopback HTTP proxy that understands `CONNECT` only, as an HTTPS proxy is used: it answers
/// `HTTP/1.1 200 Connection established`, connects to `127.0.0.1:<port of the requested authority>` (every host
/// is taken to be this machine) and relays bytes both ways until either side closes. It records each `CONNECT`
/// target, so a test can tell whether a tool went through it.
package final class ConnectProxy: Sendable {
    /// The listening port.
    package let port: UInt16
    private let listener: Int32
    private let targets = LockedBox<[String]>([])
    private let stopped = LockedBox(false)

    /// Starts listening and serving on background threads.
    /// - Throws: `RawTCPServerError` when the socket cannot be set up.
    package init() throws {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Self.openListener()
        self.port = port
        listener = fd
        let targets = self.targets
        Thread.detachNewThread {
            while true {
                let connection = accept(fd, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    close(fd)
                    return
                }
                Thread.detachNewThread { Self.serve(connection, targets) }
            }
        }
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>`, the value for `https_proxy`.
    package var url: String { "http://127.0.0.1:\(port)" }

    /// Every `CONNECT` target (`host:port`) received so far.
    package var connectTargets: [String] { targets.current }

    /// Stops accepting (idempotent).
    package func stop() {
        let first = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private static func openListener() throws -> (Int32, UInt16) {
        try RawTCPServer.openLoopbackListener(backlog: 32)
    }

    /// Reads the `CONNECT` head, connects upstream, answers 200 and relays (10 s of silence ends a tunnel).
    private static func serve(_ client: Int32, _ targets: LockedBox<[String]>) {
        defer { close(client) }
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]), head.count < 8192 {
            guard recv(client, &byte, 1, 0) == 1 else { return }
            head.append(byte)
        }
        let requestLine = String(decoding: head.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        guard requestLine.count >= 2, requestLine[0] == "CONNECT",
            let port = requestLine[1].split(separator: ":").last.flatMap({ UInt16($0) })
        else {
            _ = sendAll(client, Array("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".utf8))
            return
        }
        targets.withLock { $0.append(String(requestLine[1])) }
        guard let upstream = connectLoopback(port) else {
            _ = sendAll(client, Array("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".utf8))
            return
        }
        defer { close(upstream) }
        guard sendAll(client, Array("HTTP/1.1 200 Connection established\r\nProxy-Agent: test\r\n\r\n".utf8))
        else { return }
        relay(client, upstream)
    }

    private static func relay(_ first: Int32, _ second: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var open = [first: true, second: true]
        while open.values.contains(true) {
            var descriptors = [first, second].filter { open[$0] == true }.map {
                pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 10_000)
            if ready <= 0 { return }
            for descriptor in descriptors where descriptor.revents != 0 {
                let other = descriptor.fd == first ? second : first
                let count = recv(descriptor.fd, &buffer, buffer.count, 0)
                if count <= 0 {
                    open[descriptor.fd] = false
                    shutdown(other, Int32(SHUT_WR))
                    continue
                }
                if !sendAll(other, Array(buffer[0..<count])) { return }
            }
        }
    }

    private static func connectLoopback(_ port: UInt16) -> Int32? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }
}
