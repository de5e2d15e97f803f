import Shared

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The device id of compatibility.md#hardware-id: first 32 hex digits of SHA-256(`"<mac>:<hostname>:<home>:<platform>:<arch>"`).
package enum HardwareID {
    /// One address entry as Node's `os.networkInterfaces()` lists it.
    package struct InterfaceAddress: Equatable, Sendable {
        /// Interface name (`en0`, `eth0`).
        package var name: String
        /// Lowercase colon-separated MAC, `00:00:00:00:00:00` when the interface has none.
        package var mac: String
        /// True for loopback (`IFF_LOOPBACK`).
        package var isInternal: Bool

        /// Creates an entry.
        package init(name: String, mac: String, isInternal: Bool) {
            self.name = name
            self.mac = mac
            self.isInternal = isInternal
        }
    }

    private static let zeroMAC = "00:00:00:00:00:00"

    /// The MAC upstream picks: interfaces in first-appearance order, entries in order, the first that is not
    /// internal and not all zeros; empty when none qualifies.
    package static func macAddress(from addresses: [InterfaceAddress]) -> String {
        var order: [String] = []
        var byName: [String: [InterfaceAddress]] = [:]
        for address in addresses {
            if byName[address.name] == nil { order.append(address.name) }
            byName[address.name, default: []].append(address)
        }
        for name in order {
            for entry in byName[name] ?? [] where !entry.isInternal && !entry.mac.isEmpty && entry.mac != zeroMAC {
                return entry.mac
            }
        }
        return ""
    }

    /// The id from its components.
    package static func compute(mac: String, hostname: String, home: String, platform: String, arch: String)
        -> String
    {
        String(ContentHash.sha256Hex("\(mac):\(hostname):\(home):\(platform):\(arch)").prefix(32))
    }

    /// This machine's id for the given home directory.
    package static func current(home: String) -> String {
        compute(
            mac: macAddress(from: interfaceAddresses()),
            hostname: hostname(),
            home: home,
            platform: MachineIdentity.currentPlatform,
            arch: MachineIdentity.currentArch
        )
    }

    /// `gethostname()`, empty on failure.
    package static func hostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The address list as libuv builds it: entries that are up and running with an IPv4 or IPv6 address,
    /// each carrying its interface's link-layer address.
    package static func interfaceAddresses() -> [InterfaceAddress] {
        var head: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&head) == 0, let first = head else { return [] }
        defer { freeifaddrs(head) }
        var macs: [String: String] = [:]
        var entries: [(name: String, isInternal: Bool)] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let current = cursor {
            defer { cursor = current.pointee.ifa_next }
            guard let addr = current.pointee.ifa_addr, let rawName = current.pointee.ifa_name else { continue }
            let name = String(cString: rawName)
            let family = Int32(addr.pointee.sa_family)
            let flags = current.pointee.ifa_flags
            if let mac = linkLayerAddress(addr, family: family) {
                if macs[name] == nil { macs[name] = mac }
                continue
            }
            let upAndRunning = UInt32(IFF_UP) | UInt32(IFF_RUNNING)
            guard UInt32(flags) & upAndRunning == upAndRunning, family == AF_INET || family == AF_INET6 else {
                continue
            }
            entries.append((name, UInt32(flags) & UInt32(IFF_LOOPBACK) != 0))
        }
        return entries.map { InterfaceAddress(name: $0.name, mac: macs[$0.name] ?? zeroMAC, isInternal: $0.isInternal) }
    }

    private static func linkLayerAddress(_ addr: UnsafeMutablePointer<sockaddr>, family: Int32) -> String? {
        let raw = UnsafeRawPointer(addr)
        #if os(Linux)
            // sockaddr_ll: family(2) protocol(2) ifindex(4) hatype(2) pkttype(1) halen(1) addr[8]
            guard family == AF_PACKET else { return nil }
            return format(raw + 12, count: 6)
        #elseif canImport(Darwin)
            // sockaddr_dl: len(1) family(1) index(2) type(1) nlen(1) alen(1) slen(1) data[...]; the MAC follows the name
            guard family == AF_LINK else { return nil }
            let nameLength = Int(raw.load(fromByteOffset: 5, as: UInt8.self))
            let addressLength = Int(raw.load(fromByteOffset: 6, as: UInt8.self))
            guard addressLength == 6 else { return zeroMAC }
            return format(raw + 8 + nameLength, count: 6)
        #else
            return nil
        #endif
    }

    private static func format(_ pointer: UnsafeRawPointer, count: Int) -> String {
        (0..<count).map { Hex.encode([pointer.load(fromByteOffset: $0, as: UInt8.self)]) }.joined(separator: ":")
    }
}
