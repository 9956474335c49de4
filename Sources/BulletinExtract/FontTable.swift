/// What the extractor knows about one font of a document, from its name and the reader's flags.
public struct FontInfo: Sendable, Equatable {
    /// The font's name without subset prefix, e.g. `FandolFang-Regular`.
    public var name: String
    /// The font says bold: its descriptor (weight, ForceBold) or a weight word in its name.
    public var isBold: Bool
    /// A face our own renderer emboldened (see `FontTable.isSyntheticBoldName`).
    public var isSyntheticBold: Bool
    /// A 黑体 (sans, Hei) face: the typeface Chinese layouts use for emphasis, run-in titles and
    /// level-1 headings in a 仿宋/宋体 body (bulletin-format.md §3), so it reads as bold there.
    public var isHeavyFace: Bool
    /// The font says italic or oblique.
    public var isItalic: Bool
}

/// The fonts one page uses, numbered in drawing order: names and what the reader said of them.
/// Pages are reduced in parallel, each with its own numbering; `FontTable` renumbers them for the
/// document and classifies each font once.
struct PageFonts: Sendable {
    private(set) var names: [String] = []
    private(set) var bold: [Bool] = []
    private(set) var italic: [Bool] = []
    private var index: [String: Int] = [:]
    /// Consecutive glyphs nearly always share a font: a string comparison is cheaper than hashing.
    private var lastName = ""
    private var lastID = -1

    mutating func id(name: String, bold isBold: Bool, italic isItalic: Bool) -> Int {
        let id: Int
        if lastID >= 0 && name == lastName {
            id = lastID
        } else if let known = index[name] {
            id = known
        } else {
            id = names.count
            names.append(name)
            bold.append(false)
            italic.append(false)
            index[name] = id
        }
        // A font seen first without a flag may carry it on a later glyph: keep the strongest claim.
        if isBold { bold[id] = true }
        if isItalic { italic[id] = true }
        lastName = name
        lastID = id
        return id
    }
}

/// Interns font names so that lines compare fonts by number, and classifies each font once.
struct FontTable {
    private(set) var fonts: [FontInfo] = []
    private var index: [String: Int] = [:]
    /// The last name looked up and its id: consecutive glyphs nearly always share a font, and a
    /// string comparison is cheaper than hashing.
    private var lastName = ""
    private var lastID = -1

    mutating func id(name: String, bold: Bool, italic: Bool) -> Int {
        if lastID >= 0 && name == lastName {
            if bold { fonts[lastID].isBold = true }
            if italic { fonts[lastID].isItalic = true }
            return lastID
        }
        let id: Int
        if let known = index[name] {
            id = known
            // A font seen first without the flag may carry it on a later glyph (one reader path
            // knows the descriptor, another not): keep the strongest claim.
            if bold { fonts[known].isBold = true }
            if italic { fonts[known].isItalic = true }
        } else {
            id = fonts.count
            let lower = Array(name.utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
            fonts.append(FontInfo(name: name, isBold: bold || Self.nameSaysBold(lower),
                                  isSyntheticBold: Self.isSyntheticBoldName(name),
                                  isHeavyFace: Self.nameSaysHeavyFace(lower),
                                  isItalic: italic || Self.contains(lower, "italic") || Self.contains(lower, "oblique")))
            index[name] = id
        }
        lastName = name
        lastID = id
        return id
    }

    subscript(id: Int) -> FontInfo { fonts[id] }

    /// Weight words in a font name: `…-Bold`, `Semibold`, `Demibold`, `Heavy`, `Black`, `W7` ….
    static func nameSaysBold(_ lower: [UInt8]) -> Bool {
        for word in ["bold", "heavy", "black", "demi", "w6", "w7", "w8", "w9", "ultra"] where contains(lower, word) {
            return true
        }
        return false
    }

    /// Whether the ASCII-lowercased name bytes contain `word` (a plain byte search: font names
    /// are short and mostly ASCII).
    static func contains(_ lower: [UInt8], _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard needle.count <= lower.count else { return false }
        for start in 0...(lower.count - needle.count) where lower[start] == needle[0] {
            if lower[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// 黑体 faces by name: FandolHei, SimHei, STHeiti, Noto Sans CJK, Source Han Sans, 方正黑体 ….
    static func nameSaysHeavyFace(_ lower: [UInt8]) -> Bool {
        for word in ["hei", "sanscjk", "sans-cjk", "sans cjk", "sourcehansans", "黑"] where contains(lower, word) {
            return true
        }
        return false
    }

    /// Cairo cannot embed a face it emboldened itself (`cairo_ft_font_face_set_synthesize`, which our
    /// Cairo PDF engine, `render --pdf-engine cairo`, uses for 仿宋 and 楷体, fonts without a bold
    /// weight): the outlines no longer match the font file, so cairo-pdf writes a fallback CFF font
    /// named `CairoFont-<font>-<subset>` (cairo-pdf-surface.c,
    /// `_cairo_pdf_surface_emit_cff_fallback_font`). Its widths and flags are the regular face's, so
    /// the name is the only trace of the emboldening left in the PDF. (Our own PDF writer strokes
    /// the outline instead, Tr 2, which `LineBuilder` reads as bold.)
    static func isSyntheticBoldName(_ name: String) -> Bool {
        guard name.hasPrefix("CairoFont-") else { return false }
        return name.dropFirst(10).allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
    }
}
