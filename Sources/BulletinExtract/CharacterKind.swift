/// How the extractor classes a character when it decides about spaces and line joins.
///
/// Works on one Unicode scalar (the first or last of a glyph's text) with range checks only — this
/// runs for every glyph, so no `Character` properties and no regular expressions.
enum CharacterKind: UInt8 {
    /// Han ideographs, kana, hangul, 〇 and the like: never separated by an inferred space.
    case ideograph
    /// CJK and full-width punctuation (，。、“”《》【】…): never next to an inferred space.
    case cjkPunctuation
    /// ASCII or Latin letters and digits (and other alphabetic scripts): the words of Western text.
    case word
    /// Western punctuation and symbols (`,` `.` `(` `%` …).
    case westernPunctuation
    /// Space, tab, no-break space, ideographic space.
    case space

    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000:
            self = .space
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
            self = .word
        case 0x21...0x7E:
            self = .westernPunctuation
        case 0x3001...0x303F, 0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFF01...0xFF0F, 0xFF1A...0xFF20,
             0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2014...0x201F, 0x2026, 0x2E3A, 0x2E3B, 0x00B7, 0x30FB:
            // 〇 (U+3007) sits in the CJK symbols block but is a numeral used like an ideograph.
            self = v == 0x3007 ? .ideograph : .cjkPunctuation
        case 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            self = .ideograph
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            // Full-width letters and digits set in a Chinese line: treated as ideographs so that no
            // space is ever inferred around them.
            self = .ideograph
        default:
            // Latin-1 letters, Greek, Cyrillic …: word characters; other symbols count as punctuation.
            self = (v >= 0xC0 && v < 0x2000) ? .word : .westernPunctuation
        }
    }

    /// Whether this is Chinese text (ideograph or CJK punctuation): the side of a gap where no
    /// space may be inferred.
    var isCJK: Bool { self == .ideograph || self == .cjkPunctuation }
}

extension Unicode.Scalar {
    /// Quotes (‘ ’ ‚ ‛ “ ” „ ‟) and the middle dot (·): Chinese and Western text share them, a
    /// Chinese font setting them full width.
    var isSharedQuote: Bool {
        (0x2018...0x201F).contains(value) || value == 0xB7
    }

    /// Opening brackets and quotes whose full-width glyph has its blank half on the left; a
    /// typesetter may pull that half into the margin at a line start (clreq 3.1.6).
    var isOpeningMark: Bool {
        switch value {
        case 0x201C, 0x2018, 0x300A, 0x3008, 0x3010, 0x3016, 0x300C, 0x300E, 0xFF08, 0xFF3B, 0xFF5B, 0x3014:
            return true
        default:
            return false
        }
    }

    /// Closing marks and pause/stop punctuation whose blank half is on the right; it may hang past
    /// the measure or be dropped at a line end.
    var isClosingMark: Bool {
        switch value {
        case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x201D, 0x2019, 0x300B, 0x3009,
             0x3011, 0x3017, 0x300D, 0x300F, 0xFF09, 0xFF3D, 0xFF5D, 0x3015:
            return true
        default:
            return false
        }
    }

    /// Marks that end a sentence (。！？ and their half-width forms, …), alone or before a closing
    /// quote/bracket.
    var isSentenceEnd: Bool {
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026, 0xFF1B, 0x3B:
            return true
        default:
            return false
        }
    }
}
