extension RealityReport {
    /// A markdown report: mismatches first, then a short account of what was read and not judged.
    package var text: String {
        var lines: [String] = ["# Mocks checked against reality", ""]
        if mismatches.isEmpty {
            lines.append("No mismatch: \(checkedClaims) mocked interaction(s) agree with what the repository holds.")
        } else {
            lines.append(
                "\(mismatches.count) mismatch(es) between mocks and reality (\(checkedClaims) claim(s) judged):")
            lines.append("")
            lines += mismatchLines
        }
        if !sources.isEmpty {
            lines.append("")
            lines.append("Reality read: " + sources.map { "\($0.path) (\($0.kind))" }.joined(separator: ", "))
        }
        if !notChecked.isEmpty {
            lines.append("")
            lines.append("Not checked (\(notChecked.count)):")
            for item in notChecked.prefix(20) {
                lines.append("- \(item.file):\(item.line) `\(item.claim.shortened(60))`: \(item.reason)")
            }
            if notChecked.count > 20 { lines.append("- … and \(notChecked.count - 20) more (see --format json)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One markdown bullet per mismatch: `- file:line [kind] dependency: reason (reality; engine)`.
    package var mismatchLines: [String] {
        mismatches.map { item in
            "- \(item.file):\(item.line) [\(item.kind.rawValue)] \(item.dependency): \(item.reason) "
                + "(claim `\(item.claim.shortened(80))`; reality \(item.reality); judged by \(item.engine))"
        }
    }
}

extension String {
    /// The text on one line, cut to `limit` characters with an ellipsis.
    func shortened(_ limit: Int) -> String {
        let flat = split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
