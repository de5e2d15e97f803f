/// libFuzzer target: the hook context argument (`NotifyContext`) and its log-line summary (`ContextSummary`), built
/// by Scripts/fuzz.sh with the Shared JSON and notify sources. Properties: a non-object context is logged raw after
/// one space, an empty object logs nothing, and an object logs every member as `key=value` in key order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContextSummary(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let context = NotifyContext(text)
    let summary = ContextSummary.summarize(context)
    guard let object = context.object else {
        guard summary == " " + text else { fatalError("a non-object context is not logged raw") }
        return 0
    }
    if object.isEmpty {
        guard summary.isEmpty else { fatalError("an empty object logs \(summary.debugDescription)") }
        return 0
    }
    // Every member appears as `key=` in key order (compared as UTF-8 bytes), the first right after the space.
    let utf8 = Array(summary.utf8)
    var position = 0
    for (offset, member) in object.enumerated() {
        let label = Array(((offset == 0 ? " " : ", ") + member.key + "=").utf8)
        guard let found = firstIndex(of: label, in: utf8, from: position), offset > 0 || found == 0 else {
            fatalError("member \(member.key.debugDescription) missing or out of order in \(summary.debugDescription)")
        }
        position = found + label.count
    }
    for (key, _) in object {
        // `text(_:)` never traps and never returns an empty string.
        if let member = context.text(key), member.isEmpty { fatalError("text(\(key)) returned an empty string") }
    }
    return 0
}

private func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var index = start
    while index + needle.count <= haystack.count {
        if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
        index += 1
    }
    return nil
}
