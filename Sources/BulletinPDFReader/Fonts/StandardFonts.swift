/// Widths of the standard 14 fonts (§9.6.2.2), which PDFs before 1.5 — and iText and ReportLab
/// still — may use without /Widths. Also their common aliases (Arial = Helvetica, Times New Roman =
/// Times, Courier New = Courier).
enum StandardFonts {
    enum Widths {
        /// Every glyph the same width (Courier).
        case fixed(Double)
        /// By Unicode scalar of the glyph's text (text fonts) or by character code (Symbol, ZapfDingbats).
        case byUnicode([UInt32: Double])
        case byCode([UInt32: Double])
    }

    static func widths(for fontName: String) -> Widths? {
        let name = fontName.lowercased().filter { $0.isLetter }
        let bold = name.contains("bold") || name.contains("black") || name.contains("heavy")
        let italic = name.contains("italic") || name.contains("oblique")
        if name.hasPrefix("courier") { return .fixed(600) }
        if name.hasPrefix("symbol") { return .byCode(parse(StandardFontWidthData.symbol)) }
        if isZapfDingbats(fontName) { return .byCode(parse(StandardFontWidthData.zapfDingbats)) }
        if name.hasPrefix("helvetica") || name.hasPrefix("arial") {
            return .byUnicode(parse(bold ? StandardFontWidthData.helveticaBold : StandardFontWidthData.helvetica))
        }
        if name.hasPrefix("times") {
            let data = bold && italic ? StandardFontWidthData.timesBoldItalic : bold ? StandardFontWidthData.timesBold
                : italic ? StandardFontWidthData.timesItalic : StandardFontWidthData.timesRoman
            return .byUnicode(parse(data))
        }
        return nil
    }

    /// The built-in encoding of a standard 14 font or alias (§9.6.6.2, Annex D): Symbol's and
    /// ZapfDingbats' own, StandardEncoding for the Latin text fonts; nil for other fonts.
    static func builtInEncoding(for fontName: String) -> [UInt16]? {
        let name = fontName.lowercased().filter { $0.isLetter }
        if name.hasPrefix("symbol") { return BaseEncodingTables.symbol }
        if isZapfDingbats(fontName) { return BaseEncodingTables.zapfDingbats }
        let textFonts = ["courier", "helvetica", "arial", "times"]
        return textFonts.contains(where: name.hasPrefix) ? BaseEncodingTables.standard : nil
    }

    static func isZapfDingbats(_ fontName: String) -> Bool {
        let name = fontName.lowercased().filter { $0.isLetter }
        return name.hasPrefix("zapfdingbats") || name.hasPrefix("dingbats")
    }

    private static func parse(_ data: String) -> [UInt32: Double] {
        var table: [UInt32: Double] = [:]
        table.reserveCapacity(320)
        for pair in data.split(separator: " ") {
            guard let colon = pair.firstIndex(of: ":"), let key = UInt32(pair[..<colon], radix: 16),
                  let width = Double(pair[pair.index(after: colon)...]) else { continue }
            table[key] = width
        }
        return table
    }
}
