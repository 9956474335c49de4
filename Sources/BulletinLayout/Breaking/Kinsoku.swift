// Line-break prohibitions (禁则) for Chinese text, after clreq (W3C, Requirements for Chinese Text
// Layout) `#prohibition_rules_for_line_start_end` and `#prohibition_rules_for_unbreakable_marks`,
// GB/T 15834-2011 §5.1, and ../shared/reference/typography.md.

/// How strictly the line-start / line-end prohibitions apply (clreq
/// `#prohibition_rules_for_line_start_end`; one level per document).
public enum KinsokuStyle: String, Sendable {
    /// 基本处理, "the most recommended": pause and stop marks, closing quotes and brackets,
    /// interpuncts, connectors and solidi never start a line; opening quotes and brackets never
    /// end one.
    case basic
    /// GB 法: basic, and the solidus (分隔号) never ends a line either.
    case gb
    /// 严格处理: GB, and dashes (——) and ellipses (……) never start a line.
    case strict
}

/// Where a line may break between two characters of Chinese or mixed Chinese/Western text.
public enum Kinsoku {
    /// Never at line start, in every style (clreq basic level; GB/T 15834 §5.1.1–5.1.3).
    static let noStart = scalars(
        "、，。．：；！？"             // pause and stop marks 点号
        + ",.:;!?"                   // … and their ASCII forms
        + "”’）》〉」』】〗〕］｝｠〙〛"  // closing quotes, brackets, book-title marks
        + ")]}"                      // … ASCII
        + "·・‧"                      // interpuncts 间隔号
        + "-‐－～〜~"                 // connector marks 连接号
        + "/／")                     // solidi 分隔号

    /// Never at line end, in every style (clreq basic level; GB/T 15834 §5.1.3).
    static let noEnd = scalars(
        "“‘（《〈「『【〖〔［｛｟〘〚"     // opening quotes, brackets, book-title marks
        + "([{")                     // … ASCII

    /// GB style also keeps the solidus off the line end (clreq GB 法).
    static let gbNoEnd = scalars("/／")

    /// Strict style also keeps dashes and ellipses off the line start (clreq 严格处理).
    /// A single U+2014 is also the connector 一字线; only `.strict` keeps it off the line start,
    /// as typography.md lists it with the strict additions.
    static let strictNoStart = scalars("—―⸺⸻…⋯")

    /// Marks doubled into one 2-em unit, never split: ——, ……
    /// (clreq `#prohibition_rules_for_unbreakable_marks`; GB/T 15834 §5.1.4–5.1.5).
    static let twoEmHalves = scalars("—―…⋯")

    /// Signs that stay with the number before them: 45％, 3‰, 20℃ (clreq unbreakable marks).
    static let afterNumber = scalars("%％‰‱°℃℉′″")
    /// Signs that stay with the number after them: ￥100, −5, ±0.5 (clreq unbreakable marks).
    static let beforeNumber = scalars("$＄¥￥£￡€+＋−-±")

    /// Spaces that join instead of separating: no-break spaces, word joiner, BOM.
    static let gluingSpaces = scalars("\u{00A0}\u{2007}\u{202F}\u{2060}\u{FEFF}")

    /// Punctuation shared with Western text that counts as Chinese here: in Chinese context these
    /// are full-width marks (typography.md, "Punctuation width").
    static let chinesePunctuation = scalars("“”‘’—―…⋯·‧")

    /// Whether `c` may not begin a line.
    public static func cannotStartLine(_ c: Unicode.Scalar, style: KinsokuStyle) -> Bool {
        noStart.contains(c) || (style == .strict && strictNoStart.contains(c))
    }

    /// Whether `c` may not end a line.
    public static func cannotEndLine(_ c: Unicode.Scalar, style: KinsokuStyle) -> Bool {
        noEnd.contains(c) || (style != .basic && gbNoEnd.contains(c))
    }

    /// Whether a line may break between `a` and the following `b`.
    ///
    /// Allowed between two Han characters and between Han and Western text unless a prohibition
    /// forbids it. Never inside a run of Western characters (words, numbers such as 45.5%, 1,000
    /// or 10:30, e-mail addresses, URLs): there a break is allowed only after a space. A break at a
    /// space is reported between the space and the next character, never before the space.
    public static func isBreakAllowed(between a: Unicode.Scalar, and b: Unicode.Scalar,
                                      style: KinsokuStyle) -> Bool {
        if gluingSpaces.contains(a) || gluingSpaces.contains(b) { return false }
        if isSpace(b) { return false }
        if cannotEndLine(a, style: style) || cannotStartLine(b, style: style) { return false }
        if isSpace(a) { return true }
        if a == b && twoEmHalves.contains(a) { return false }
        // Numbers with their signs and units (clreq `#prohibition_rules_for_unbreakable_marks`);
        // also covers full-width digits, which count as Chinese below.
        if isDigit(a) && (isDigit(b) || afterNumber.contains(b)) { return false }
        if beforeNumber.contains(a) && isDigit(b) { return false }
        // Inside a Western run: no break (typography.md; UAX #14 would allow a few, e.g. after "-").
        if !isChinese(a) && !isChinese(b) { return false }
        return true
    }

    // MARK: - Character classes

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\u{200B}" || (c.properties.isWhitespace && !gluingSpaces.contains(c))
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal
    }

    /// Han, kana, Hangul, bopomofo, CJK symbols and punctuation, full-width forms, and the shared
    /// punctuation that is full-width in Chinese text. Everything else that is not a space is
    /// "Western".
    static func isChinese(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x1100...0x11FF,        // Hangul Jamo
             0x2E80...0x2FDF,        // CJK and Kangxi radicals
             0x2FF0...0x303F,        // ideographic description, CJK symbols and punctuation
             0x3040...0x31FF,        // kana, bopomofo, Hangul compatibility, CJK strokes
             0x3200...0x4DBF,        // enclosed CJK, compatibility, Extension A
             0x4E00...0x9FFF,        // CJK Unified Ideographs
             0xA960...0xA97F, 0xAC00...0xD7FF,   // Hangul
             0xF900...0xFAFF,        // CJK Compatibility Ideographs
             0xFE10...0xFE1F, 0xFE30...0xFE4F,   // vertical and compatibility forms
             0xFF00...0xFFEF,        // full-width and half-width forms
             0x20000...0x3FFFF:      // Extensions B and later
            return true
        default:
            return chinesePunctuation.contains(c)
        }
    }

    private static func scalars(_ s: String) -> Set<Unicode.Scalar> { Set(s.unicodeScalars) }
}
