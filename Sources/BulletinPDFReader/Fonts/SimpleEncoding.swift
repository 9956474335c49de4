/// A simple font's encoding (§9.6.5): /Differences glyph names over a base table, and what the
/// names mean when the glyph list does not know them.
///
/// A code with no /Differences name is read through the base table, except in a symbolic embedded
/// TrueType font with no /Encoding, whose own cmap says which glyph a code draws (§9.6.6.4); there
/// the glyph's name or the cmap's encoding comes first (`TrueTypeTables.symbolicCodeText`).
///
/// Producers name glyphs in ways the Adobe Glyph List never heard of, and pdftotext, pdf.js and
/// MuPDF read most of them; so does this, in this order, for a name the list does not know:
/// 1. ZapfDingbats' own names (`a20` → ✔) in a ZapfDingbats font only;
/// 2. names that carry their own code — TeX's bitmap fonts (`a44`), `C2c`, `G41` — when, across the
///    font, their numbers equal the codes they sit at (decimal or hex, whichever agrees);
/// 3. glyph-index names (`g0024`, `glyph36`) in an embedded TrueType font, through the font's cmap;
/// 4. with an explicit /BaseEncoding, the base character of the code: the producer renamed the
///    glyphs but kept the codes (pdf.js's rule for its issue 5070);
/// 5. in a Type 3 font, the code itself as Latin-1 — a guess (poppler makes the same), said in a
///    warning when it is made.
final class SimpleEncoding {
    private let differences: [Int: String]
    private let base: [UInt16]?
    private let glyphNames: GlyphNameMemo
    private let isZapfDingbats: Bool
    /// The explicit /BaseEncoding (rule 4).
    private let declaredBase: [UInt16]?
    private let isType3: Bool
    /// Glyph index → text of the embedded TrueType program (rule 3), read on first need.
    private var glyphText: LoadedOnce<Int>
    /// Code → text from a symbolic TrueType program's own cmap, read on first need.
    private var codeText: LoadedOnce<Int>
    /// Rule 2, decided once for the font on the first name the glyph list does not know.
    private var numberedNames: NumberedNames??
    /// Called once with a few of the names read as codes (rule 5).
    private var warnCodeGuess: (([String]) -> Void)?

    enum NumberedNames { case decimal, hex }

    init(differences: [Int: String], base: [UInt16]?, declaredBase: [UInt16]?, isType3: Bool, isZapfDingbats: Bool,
         glyphNames: GlyphNameMemo, glyphText: (() -> [Int: String])?, codeText: (() -> [Int: String])? = nil,
         warnCodeGuess: (([String]) -> Void)?) {
        self.differences = differences
        self.base = base
        self.declaredBase = declaredBase
        self.isType3 = isType3
        self.isZapfDingbats = isZapfDingbats
        self.glyphNames = glyphNames
        self.glyphText = LoadedOnce(glyphText)
        self.codeText = LoadedOnce(codeText)
        self.warnCodeGuess = warnCodeGuess
    }

    func text(_ code: Int) -> String? {
        guard let name = differences[code] else { return codeText.table()[code] ?? character(base, code) }
        if isZapfDingbats, let value = ZapfDingbatsGlyphNames.unicode[name] { return character(value) }
        if let text = glyphNames.unicode(name) { return text }
        if name == ".notdef" { return nil }
        if let rule = numbering(), let value = SimpleEncoding.number(in: name, rule) { return character(value) }
        if let glyph = SimpleEncoding.glyphIndex(in: name), let text = glyphText.table()[glyph] { return text }
        if declaredBase != nil { return character(declaredBase, code) }
        if isType3, let text = character(UInt32(code)) {
            if let warn = warnCodeGuess {
                warnCodeGuess = nil
                warn(differences.keys.sorted().compactMap { differences[$0] }.filter { glyphNames.unicode($0) == nil && $0 != ".notdef" })
            }
            return text
        }
        return nil
    }

    private func character(_ table: [UInt16]?, _ code: Int) -> String? {
        guard let value = table?[code], value != 0 else { return nil }
        return character(UInt32(value))
    }

    /// A printable character (not C0, DEL or C1 controls), as text.
    private func character(_ value: UInt32) -> String? {
        guard value >= 0x20, !(0x7F...0x9F).contains(value), let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }

    /// Whether this font's numbered names are its codes, and in which base: the base in which most
    /// of them equal the code they sit at, if that is at least half of them.
    private func numbering() -> NumberedNames? {
        if let numberedNames { return numberedNames }
        var candidates = 0, decimal = 0, hex = 0
        for (code, name) in differences where glyphNames.unicode(name) == nil {
            guard let digits = SimpleEncoding.numberDigits(name) else { continue }
            candidates += 1
            if SimpleEncoding.value(digits, radix: 10) == code { decimal += 1 }
            if SimpleEncoding.value(digits, radix: 16) == code { hex += 1 }
        }
        let best = max(decimal, hex)
        let rule: NumberedNames? = best > 0 && best * 2 >= candidates ? (hex > decimal ? .hex : .decimal) : nil
        numberedNames = .some(rule)
        return rule
    }

    /// The digits of a numbered name: up to two letters, then 2–4 digits (`a44`, `C2c`, `G41`, `65`).
    static func numberDigits(_ name: String) -> Substring? {
        let letters = name.prefix { $0.isASCII && $0.isLetter }
        guard letters.count <= 2 else { return nil }
        let digits = name.dropFirst(letters.count)
        guard (2...4).contains(digits.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        return digits
    }

    static func number(in name: String, _ rule: NumberedNames) -> UInt32? {
        guard let digits = numberDigits(name), let value = value(digits, radix: rule == .hex ? 16 : 10) else { return nil }
        return UInt32(value)
    }

    private static func value(_ digits: Substring, radix: Int) -> Int? {
        Int(digits, radix: radix)
    }

    /// `g0024` (hex, the zero-padded form), `g36`, `glyph36`, `gid36`, `index36` (decimal): a glyph index.
    static func glyphIndex(in name: String) -> Int? {
        for prefix in ["glyph", "gid", "index", "g"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 5 else { return nil }
            if prefix == "g", digits.count == 4, digits.first == "0", digits.allSatisfy(\.isHexDigit) { return Int(digits, radix: 16) }
            return digits.allSatisfy(\.isASCII) ? Int(digits) : nil
        }
        return nil
    }
}
