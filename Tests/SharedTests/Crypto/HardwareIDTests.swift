import Shared
import SharedCrypto
import Testing

struct HardwareIDTests {
    @Test func vectorsMatchUpstream() throws {
        let vectors = try CryptoVectors.json("hardware-id.json")
        for entry in try CryptoVectors.cases(vectors, "cases") {
            let label = try CryptoVectors.string(entry, "label")
            let interfaces = try #require(entry["networkInterfaces"]?.objectValue)
            var addresses: [HardwareID.InterfaceAddress] = []
            for (name, list) in interfaces {
                for address in try #require(list.arrayValue) {
                    addresses.append(
                        .init(
                            name: name, mac: try CryptoVectors.string(address, "mac"),
                            isInternal: try #require(address["internal"]?.boolValue as Bool?)))
                }
            }
            let mac = HardwareID.macAddress(from: addresses)
            #expect(mac == (try CryptoVectors.string(entry, "mac")), "\(label)")
            let id = HardwareID.compute(
                mac: mac, hostname: try CryptoVectors.string(entry, "hostname"),
                home: try CryptoVectors.string(entry, "homedir"), platform: try CryptoVectors.string(entry, "platform"),
                arch: try CryptoVectors.string(entry, "arch"))
            #expect(id == (try CryptoVectors.string(entry, "id")), "\(label)")
        }
    }

    @Test func currentIDIsStableLowercaseHexOf32Chars() {
        let first = HardwareID.current(home: "/home/test")
        #expect(first.count == 32)
        #expect(first.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(HardwareID.current(home: "/home/test") == first)
        #expect(HardwareID.current(home: "/home/other") != first)
    }

    @Test func enumeratedAddressesCarrySixByteMACs() {
        for address in HardwareID.interfaceAddresses() {
            #expect(!address.name.isEmpty)
            #expect(address.mac.split(separator: ":").count == 6)
        }
        #expect(!HardwareID.hostname().isEmpty)
    }
}
