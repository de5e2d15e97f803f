/// The service's homoglyph watermark (compatibility.md#manifest): six look-alike letters mapped back to ASCII before hashing.
package enum Watermark {
    /// The complete map, code point to ASCII replacement.
    package static let map: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{03BF}": "o",
        "\u{039F}": "O",
        "\u{0455}": "s",
        "\u{0405}": "S",
        "\u{0435}": "e",
        "\u{0415}": "E",
    ]

    /// `text` with every mapped homoglyph replaced; nothing else changes (no normalisation).
    package static func strip(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(map[scalar] ?? scalar)
        }
        return String(scalars)
    }

    /// SHA-256 hex of the stripped text: the value the manifest's `hash` is compared with.
    package static func contentHash(_ text: String) -> String {
        ContentHash.sha256Hex(strip(text))
    }
}
