/// How a character behaves in a Chinese line (clreq §3.1 "character classes").
enum CharacterClass: Equatable {
    /// Han ideographs, kana, full-width letters and other full-width symbols: one grid cell.
    case ideographic
    /// Closing marks that sit in the first half of their em (GB/T 15834 §5.1, mainland positions):
    /// `、，。；：！？` and closing quotes/brackets. Their second half is blank.
    case closing
    /// Opening quotes and brackets: their first half is blank.
    case opening
    /// Marks centred in their em: `·` and the like.
    case middle
    /// `—` and `…`: full width, pairs form one 2-em unit that never splits.
    case dashOrEllipsis
    /// Western letters, digits and symbols: proportional, grouped into words.
    case western
    /// A space of the source text.
    case space

    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x20, 0x09, 0xA0: self = .space
        case 0x2014, 0x2026, 0x2E3A, 0x2E3B: self = .dashOrEllipsis
        case 0x00B7, 0x30FB, 0xFF65, 0x2027: self = .middle
        default:
            if CharacterClass.closingMarks.contains(scalar) { self = .closing }
            else if CharacterClass.openingMarks.contains(scalar) { self = .opening }
            else if CharacterClass.isFullWidth(v) { self = .ideographic }
            else { self = .western }
        }
    }

    /// Closing marks; 、，。；：！？ in mainland fonts sit lower-left (typography.md "Punctuation width").
    static let closingMarks: Set<Unicode.Scalar> = Set("、，。；：！？”’）》〉」』】〗〕］｝｠".unicodeScalars)
    static let openingMarks: Set<Unicode.Scalar> = Set("“‘（《〈「『【〖〔［｛｟".unicodeScalars)

    /// Full-width: CJK blocks, full-width forms, CJK symbols; everything set one cell wide.
    static func isFullWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E80...0x2FDF,     // radicals
             0x3000...0x303F,     // CJK symbols and punctuation
             0x3040...0x30FF,     // kana
             0x3100...0x312F, 0x31A0...0x31BF, // bopomofo
             0x3200...0x33FF,     // enclosed CJK, compatibility
             0x3400...0x4DBF,     // extension A
             0x4E00...0x9FFF,     // unified ideographs
             0xF900...0xFAFF,     // compatibility ideographs
             0xFE30...0xFE4F,     // CJK compatibility forms
             0xFF01...0xFF60,     // full-width forms
             0xFFE0...0xFFE6,
             0x20000...0x3FFFF:   // extensions B…
            return true
        default:
            return false
        }
    }

    /// Whether the class is set on the grid (one or two cells) rather than proportionally.
    var isFullWidth: Bool { self != .western && self != .space }

    /// Whether Han–Western spacing applies next to this class (clreq 3.2.2: not next to
    /// punctuation).
    var takesHanWesternSpacing: Bool { self == .ideographic }
}
