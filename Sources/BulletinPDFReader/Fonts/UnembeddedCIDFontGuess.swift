/// What the CIDs of a TrueType-based CIDFont mean when the file does not say: no ToUnicode, no
/// font program embedded, Identity CIDs (§9.7.4.2: an absent or /Identity CIDToGIDMap makes every
/// CID a glyph index). Word, the Windows print drivers and report writers leave such fonts when a
/// font may not be embedded; the CIDs are then glyph indices of a font the reader does not have —
/// or, from some writers, Unicode values.
///
/// The font's /W widths are the evidence. Windows' core fonts (Arial, Times New Roman, Courier New,
/// Century Gothic …) begin with the standard Macintosh glyph order (TrueType 'post' format 1: glyph
/// 3 is the space, 36 is A, 98 Ä) — but only begin: Times New Roman leaves it at glyph 143, where
/// the Macintosh order has math signs it lacks. For the aliases of the standard 14 fonts, whose
/// metrics Arial and Times New Roman share, each listed width is checked against the standard font's
/// under both readings, and the Macintosh order is read only up to the first glyph whose width
/// disagrees. Other fonts are read in that order only when their widths look like it (CID 3 a
/// space's width, nearly every listed CID below 258), and only for its ASCII glyphs (3–97). Nothing
/// is guessed without such agreement: wrong text is worse than a warning.
enum UnembeddedCIDFontGuess {
    enum Reading: Equatable {
        /// CID n (3 ≤ n < `end`) is glyph n in the standard Macintosh order.
        case macintoshOrder(end: UInt32)
        /// CID n is the Unicode scalar n.
        case unicode
    }

    /// Share of compared widths that must agree with the Unicode reading.
    static let agreement = 0.8
    /// Widths compared at least before a reading is trusted.
    static let minimumEvidence = 4
    /// The Macintosh order's ASCII glyphs: space (3) … asciitilde (97).
    static let asciiEnd: UInt32 = 98

    /// The reading the widths support, if any. `widths` are the /W entries (CID, width in em).
    static func reading(widths: [(cid: UInt32, width: Double)], fontName: String) -> Reading? {
        guard case .byUnicode(let table)? = StandardFonts.widths(for: fontName) else {
            // Courier's single width tells the readings apart no better than an unknown font's.
            return looksLikeMacintoshOrder(widths) ? .macintoshOrder(end: asciiEnd) : nil
        }
        let sorted = widths.sorted { $0.cid < $1.cid }
        // The Macintosh order up to its first disagreeing glyph, if all of ASCII agrees.
        var compared = 0, end: UInt32 = 258
        for (cid, width) in sorted where cid >= 3 && cid < 258 {
            guard let scalar = macintoshOrderText[cid]?.unicodeScalars.first?.value, let standard = table[scalar] else { continue }
            if !agrees(width, standard) { end = cid; break }
            compared += 1
        }
        if end >= asciiEnd, compared >= minimumEvidence { return .macintoshOrder(end: end) }
        // CIDs as Unicode: most listed widths must be their characters'.
        var agreeing = 0
        compared = 0
        for (cid, width) in sorted where cid >= 0x20 {
            guard let standard = table[cid] else { continue }
            compared += 1
            if agrees(width, standard) { agreeing += 1 }
        }
        return compared >= minimumEvidence && Double(agreeing) >= agreement * Double(compared) ? .unicode : nil
    }

    /// CID → text in the Macintosh order, for CIDs 3 ..< `end`.
    static func macintoshOrderText(end: UInt32) -> [UInt32: String] {
        macintoshOrderText.filter { $0.key < end }
    }

    /// The order's 258 glyphs (from 3, the space) by their names through the glyph list.
    private static let macintoshOrderText: [UInt32: String] = {
        var text: [UInt32: String] = [:]
        for (glyph, name) in MacintoshGlyphOrder.names.enumerated() where glyph >= 3 {
            if let value = GlyphNames.unicode(name) { text[UInt32(glyph)] = value }
        }
        return text
    }()

    /// Within 3 % or 8 units: producers round widths differently.
    private static func agrees(_ width: Double, _ standard: Double) -> Bool {
        abs(width * 1000 - standard) <= max(8, standard * 0.03)
    }

    /// Without metrics to compare: CID 3 is listed with a space's width (0.15–0.5 em; as Unicode it
    /// would be a control character), and at least 90 % of the listed CIDs fall in the 258 glyphs the
    /// order covers.
    private static func looksLikeMacintoshOrder(_ widths: [(cid: UInt32, width: Double)]) -> Bool {
        guard let space = widths.first(where: { $0.cid == 3 }), (0.15...0.5).contains(space.width) else { return false }
        let listed = widths.filter { $0.cid >= 3 }
        let inOrder = listed.filter { $0.cid < 258 }.count
        return listed.count >= minimumEvidence && Double(inOrder) >= 0.9 * Double(listed.count)
    }
}
