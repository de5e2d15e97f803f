/// libFuzzer target: the canonical signed bytes of a prompt manifest (compatibility.md#manifest), built by Scripts/fuzz.sh with
/// the Shared JSON sources and `ManifestVerifier+Canonical.swift` (the verifier itself needs swift-crypto, so this
/// stub namespace stands in for its declaration). Properties: the bytes are JSON whose top-level keys are a
/// subsequence of version, algorithm, signing, prompts; the prompt keys are in UTF-16 order; and canonicalising the
/// canonical form again gives the same bytes.
package enum ManifestVerifier {}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifestCanonical(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let manifest = try? JSONValue.parse(bytes: bytes) else { return 0 }
    guard let canonical = ManifestVerifier.canonicalBytes(of: manifest) else {
        guard manifest["prompts"]?.objectValue == nil else { fatalError("nil bytes for a manifest with prompts") }
        return 0
    }
    guard let reparsed = try? JSONValue.parse(bytes: canonical), let object = reparsed.objectValue else {
        fatalError("canonical bytes are not a JSON object: \(String(decoding: canonical, as: UTF8.self))")
    }
    let order = ["version", "algorithm", "signing", "prompts"]
    let positions = object.keys.map { order.firstIndex(of: $0) ?? -1 }
    guard !positions.contains(-1), positions == positions.sorted(), object.keys.last == "prompts" else {
        fatalError("unexpected top-level keys \(object.keys)")
    }
    let promptKeys = object["prompts"]?.objectValue?.keys ?? []
    guard promptKeys == ManifestVerifier.sortedPromptKeys(promptKeys) else { fatalError("prompt keys not sorted") }
    guard ManifestVerifier.canonicalBytes(of: reparsed) == canonical else { fatalError("canonical form not stable") }
    return 0
}
