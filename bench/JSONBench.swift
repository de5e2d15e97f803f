/// Parse + serialise benchmark of the ordered JSON object (built by Scripts/json-bench.sh with the Shared JSON
/// sources, optimised). Input: one object of `keys` members, about 1 MB of text; each round parses it and writes it
/// back compact and pretty. Prints the median wall time of the rounds.
@main
enum JSONBench {
    static func main() {
        let arguments = CommandLine.arguments
        let keys = arguments.count > 1 ? Int(arguments[1]) ?? 50_000 : 50_000
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        var text = "{"
        for index in 0..<keys {
            if index > 0 { text += "," }
            text += "\"key\(index)\":\"v\(index)\""
        }
        text += "}"
        let bytes = Array(text.utf8)
        var times: [Double] = []
        var check = 0
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            guard let value = try? JSONValue.parse(bytes: bytes) else { fatalError("does not parse") }
            let compact = value.compact
            check &+= compact.utf8.count &+ value.pretty.utf8.count
            guard compact.utf8.count == bytes.count else { fatalError("not a round trip") }
            let elapsed = start.duration(to: .now)
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        times.sort()
        let median = times[times.count / 2]
        print("keys=\(keys) bytes=\(bytes.count) rounds=\(rounds) median=\(String(format3(median))) s (check \(check))")
    }

    private static func format3(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - String(millis % 1000).count))\(millis % 1000)"
    }
}
