/// libFuzzer target: the ordered JSON parser and its two serialisers (built by Scripts/fuzz.sh with the Shared JSON
/// sources). Properties checked on every input that parses: the compact and the pretty text both parse again, and
/// serialising is a fixed point after one round (parse ∘ compact is the identity on compact text).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONValue.parse(bytes: bytes) else { return 0 }
    let compact = value.compact
    guard let reparsed = try? JSONValue.parse(compact) else {
        fatalError("compact output does not parse: \(compact.debugDescription)")
    }
    guard reparsed.compact == compact else {
        fatalError("compact is not a fixed point: \(compact.debugDescription) → \(reparsed.compact.debugDescription)")
    }
    guard let prettyParsed = try? JSONValue.parse(value.pretty), prettyParsed.compact == compact else {
        fatalError("pretty output does not parse back to the same value: \(value.pretty.debugDescription)")
    }
    // The String entry point agrees with the bytes entry point on valid UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) {
        guard let fromText = try? JSONValue.parse(text), fromText.compact == compact else {
            fatalError("parse(String) disagrees with parse(bytes:)")
        }
    }
    return 0
}
