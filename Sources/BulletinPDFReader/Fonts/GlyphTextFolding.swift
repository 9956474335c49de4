/// What a glyph's Unicode text is folded to before extraction sees it: the characters a reader of
/// the page reads and searches for, where producers map a glyph to a look-alike code point.
///
/// - CJK radicals → the unified ideograph they look like (`RadicalEquivalents`). Fonts draw 文 and
///   ⽂ U+2F42 with one glyph (Noto CJK does), and producers that write a ToUnicode by reversing the
///   font's cmap (Chromium/Skia; files re-made from its PDFs, where the /ActualText that carried
///   the real text is gone) may pick the radical.
/// - Latin ligatures U+FB00–U+FB06 → their letters (ﬀ → ff, ﬁ → fi): one glyph for two or three
///   letters of a word, which a search for the word must find.
///
/// /ActualText is the producer's own word for the text and is not folded.
enum GlyphTextFolding {
    /// `text` folded; `text` itself when nothing in it folds (nearly always). Runs once per code of
    /// a font (`PDFFont` caches the glyph), not per glyph drawn.
    static func fold(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { folds($0) }) else { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let ideograph = RadicalEquivalents.ideograph(for: scalar) {
                folded.append(ideograph)
            } else if let letters = ligatures[scalar.value] {
                folded.append(contentsOf: letters.unicodeScalars)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    private static func folds(_ scalar: Unicode.Scalar) -> Bool {
        ligatures[scalar.value] != nil || RadicalEquivalents.ideograph(for: scalar) != nil
    }

    /// The Latin ligatures of Alphabetic Presentation Forms and their compatibility decompositions.
    private static let ligatures: [UInt32: String] = [
        0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st",
    ]
}
