/// Character classes the import rules are written in (bulletin-format.md §2).
enum Scalars {
    static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
        c.value == 0x0A || c.value == 0x0D || c.value == 0x0C
    }

    /// Whitespace inside a line: space, tab, no-break space, ideographic space, the other Unicode
    /// spaces and the line/paragraph separators (all of which the issue JSON trims as whitespace).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: return true
        default: return false
        }
    }

    /// A Han ideograph (or 〇).
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3007: return true
        default: return false
        }
    }

    /// Full-width (Chinese) punctuation: CJK symbols, full-width forms, curly quotes, …, —, ·.
    static func isChinesePunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3001...0x3006, 0x3008...0x303F: return true
        case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x2015, 0x00B7, 0x2E3A: return true
        default: return false
        }
    }

    /// A Chinese character or Chinese punctuation: what makes a neighbour "Chinese" (§2.2, §2.3).
    static func isChinese(_ c: Unicode.Scalar) -> Bool {
        isHan(c) || isChinesePunctuation(c) || (0xFF10...0xFF19).contains(c.value) || (0xFF21...0xFF5A).contains(c.value)
    }

    static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool { isASCIIDigit(c) || isASCIILetter(c) }

    /// Western text next to which a single space from a Chinese character is an artifact (§2.3):
    /// ASCII letters, digits and marks (`%`, `)` …); not `*`, a markdown marker.
    static func isWestern(_ c: Unicode.Scalar) -> Bool { c.value >= 0x21 && c.value <= 0x7E && c != "*" }

    /// Marks that end a sentence or clause for the page-break rule (§2.1).
    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "；", "…", "!", "?", ";": return true
        default: return false
        }
    }

    /// Marks that end a sentence (for sentence splitting).
    static func isSentenceEnd(_ c: Unicode.Scalar) -> Bool {
        c == "。" || c == "！" || c == "？" || c == "!" || c == "?"
    }

    static func isClosingBracket(_ c: Unicode.Scalar) -> Bool {
        c == "）" || c == ")" || c == "】" || c == "》" || c == "〕" || c == "］"
    }

    static func isClosingQuote(_ c: Unicode.Scalar) -> Bool { c == "”" || c == "’" || c == "」" || c == "』" }

    /// Opening marks that raise the nesting depth for sentence splitting.
    static func isOpening(_ c: Unicode.Scalar) -> Bool {
        c == "“" || c == "‘" || c == "《" || c == "（" || c == "(" || c == "【" || c == "「" || c == "『" || c == "〔"
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        c == "”" || c == "’" || c == "》" || c == "）" || c == ")" || c == "】" || c == "」" || c == "』" || c == "〕"
    }

    /// Marks that can only continue a sentence: a line starting with one continues the line before.
    static func isContinuationStart(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "，", "。", "、", "；", "：", "！", "？", "）", "》", "”", "’", "…", ",", ";", ":", "!", "?", ")": return true
        default: return false
        }
    }

    /// Chinese numerals used in labels and numbers (第九期, 一、, （三）).
    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "两", "○": return true
        default: return false
        }
    }

    /// The half-width marks §2.2 converts next to Chinese, and their full-width forms.
    static func fullWidth(of c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case ",": return "，"
        case ";": return "；"
        case ":": return "："
        case "(": return "（"
        case ")": return "）"
        case "?": return "？"
        case "!": return "！"
        default: return nil
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars as a String.
    var string: String {
        var s = String()
        s.unicodeScalars.append(contentsOf: self)
        return s
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    var string: String {
        var s = String()
        s.unicodeScalars.append(contentsOf: self)
        return s
    }
}

extension String {
    /// The scalars of a literal, for matching.
    var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }
}
