import Foundation
import Shared

/// A TCP listener on 127.0.0.1 for faults an HTTP framework cannot produce: it reads each request's head, then
/// resets the connection (RST), closes it without a word, or writes raw bytes that need not be HTTP at all.
package final class RawTCPServer: Sendable {
    /// What happens to every accepted connection.
    package enum Behaviour: Sendable {
        /// Abort with a TCP reset (`SO_LINGER` 0, then close).
        case reset
        /// Close cleanly without sending anything.
        case close
        /// Write these bytes, then close.
        case respond([UInt8])
    }

    /// The listening port.
    package let port: UInt16
    private let listener: Int32
    private let accepted = LockedBox(0)
    private let stopped = LockedBox(false)

    /// Starts listening and serving on a background thread.
    /// - Throws: `RawTCPServerError` when the socket cannot be set up.
    package init(_ behaviour: Behaviour) throws {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Self.openLoopbackListener(backlog: 64)
        self.port = port
        listener = fd
        let accepted = self.accepted
        Thread.detachNewThread {
            while true {
                let connection = accept(fd, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    // Only this thread closes the listener, after `stop()` shut it down: no descriptor is ever
                    // closed twice or used after close (another test may reuse the number at once).
                    close(fd)
                    return
                }
                accepted.withLock { $0 += 1 }
                Self.serve(connection, behaviour)
            }
        }
    }

    deinit {
        stop()
    }

    /// `http://127.0.0.1:<port>`.
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// How many connections were accepted so far.
    package var acceptedConnections: Int { accepted.current }

    /// Stops accepting (idempotent); the accept thread then closes the listener.
    package func stop() {
        let first = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    /// A TCP socket listening on 127.0.0.1 at a free port: `(descriptor, port)`.
    /// - Throws: `RawTCPServerError.socket` when it cannot be set up.
    package static func openLoopbackListener(backlog: Int32) throws -> (Int32, UInt16) {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw RawTCPServerError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw RawTCPServerError.socket(code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private static func serve(_ connection: Int32, _ behaviour: Behaviour) {
        // Read the request head (best effort, 2 s at most) so the client has finished sending.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            head.append(contentsOf: buffer[0..<count])
        }
        switch behaviour {
        case .reset:
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        case .close:
            break
        case .respond(let bytes):
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
                if sent <= 0 { break }
                offset += sent
            }
        }
        close(connection)
    }
}

/// Why the raw server could not start.
package enum RawTCPServerError: Error {
    case socket(Int32)
}
