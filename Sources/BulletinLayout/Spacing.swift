/// The adjustable parts of one gap between two units, by clreq priority tier.
///
/// clreq 3.6.3 shrinks, in order: Western word spaces (to 1/4 em) → interpuncts → brackets →
/// `，、；：` → Han–Western spacing (to 1/8 em) → `。？！`. clreq 3.6.4 stretches: Western word
/// spaces (to 1/2 em) → Han–Western spacing (to 1/3 em) → all inter-character gaps equally.
/// The breaker sees only the totals; `Justifier` spends them tier by tier.
struct GapSpacing {
    enum StretchTier: Int, CaseIterable { case wordSpace, hanWestern, interCharacter }
    enum ShrinkTier: Int, CaseIterable { case wordSpace, interpunct, bracket, comma, hanWestern, stop }

    var width = 0.0
    var stretch = [Double](repeating: 0, count: StretchTier.allCases.count)
    var shrink = [Double](repeating: 0, count: ShrinkTier.allCases.count)
    /// A source space sits here (drawn as a space glyph so the PDF's text has it).
    var sourceSpace = false

    var totalStretch: Double { stretch.reduce(0, +) }
    var totalShrink: Double { shrink.reduce(0, +) }

    var breakItem: BreakItem { .glue(width: width, stretch: totalStretch, shrink: totalShrink) }
}

extension Composer {
    /// What separates unit `a` from unit `b`: the blank halves of punctuation (compressed where two
    /// marks meet), Han–Western spacing, a source space, and a little inter-character stretch.
    func spacing(between a: Unit, and b: Unit) -> GapSpacing {
        let em = b.cell
        var gap = GapSpacing()
        gap.sourceSpace = b.spaceBefore
        // The blank halves of punctuation (clreq `#punctuation_width_adjustment`), by style:
        var blank: Double
        switch punctuation {
        case .quanjiao:
            // 全角: marks full width, but two adjacent marks that total 2 em are set in 1.5 em —
            // `。”` `）、` `”，` `：“` `《“` keep one blank half.
            blank = a.blankAfter + b.blankBefore
            if a.blankAfter > 0 && b.blankBefore > 0 {
                blank = max(a.blankAfter, b.blankBefore)
            } else if a.blankAfter > 0 && b.characterClass == .closing {
                blank = 0
            } else if a.characterClass == .opening && b.blankBefore > 0 {
                blank = 0
            }
        case .kaiming:
            // 开明: only the stops 。！？ keep their full width; every other mark is half.
            blank = "。！？".unicodeScalars.contains(a.last) ? a.blankAfter : 0
        case .banjiao, .none:
            // 半角: every mark half width. None: marks are whole cells already (no blanks).
            blank = 0
        }
        if blank > 0 {
            gap.width += blank
            // The blank may shrink away, in the tier of the mark it belongs to.
            let mark = a.blankAfter > 0 ? a.last : b.first
            gap.shrink[Composer.shrinkTier(ofMark: mark).rawValue] += blank
        }
        let westernA = a.characterClass == .western, westernB = b.characterClass == .western
        if westernA && westernB {
            if b.spaceBefore {
                // Western word space: natural 0.3 em, between 1/4 and 1/2 em (clreq 3.6.3/3.6.4).
                gap.width += 0.3 * em
                gap.stretch[GapSpacing.StretchTier.wordSpace.rawValue] += 0.2 * em
                gap.shrink[GapSpacing.ShrinkTier.wordSpace.rawValue] += 0.05 * em
            }
        } else if (westernA && b.characterClass.takesHanWesternSpacing && Composer.isLetterOrDigit(a.last))
                    || (a.characterClass.takesHanWesternSpacing && westernB && Composer.isLetterOrDigit(b.first)) {
            // Han–Western spacing (clreq 3.2.2), a source space at the boundary not added on top:
            // between 1/8 em and 1/3 em when the layout asks for any (clreq 3.6.3/3.6.4).
            if hanLatinSpacing > 0 {
                gap.width += hanLatinSpacing * em
                gap.stretch[GapSpacing.StretchTier.hanWestern.rawValue] += max(0, em / 3 - hanLatinSpacing * em)
                gap.shrink[GapSpacing.ShrinkTier.hanWestern.rawValue] += max(0, hanLatinSpacing * em - em / 8)
            } else if b.spaceBefore {
                gap.width += 0.25 * em  // a space the author typed is content even on a strict grid
            }
        } else if b.spaceBefore && (westernA || westernB) {
            // A source space between a mark and Western text (`— 1 —`): a quarter em.
            gap.width += 0.25 * em
            gap.stretch[GapSpacing.StretchTier.wordSpace.rawValue] += em / 12
            gap.shrink[GapSpacing.ShrinkTier.wordSpace.rawValue] += em / 8
        } else if b.spaceBefore {
            // A space between two Chinese phrases (`常态化推进 项目化落实`) is content: one cell.
            gap.width += em
            gap.stretch[GapSpacing.StretchTier.wordSpace.rawValue] += 0.25 * em
            gap.shrink[GapSpacing.ShrinkTier.wordSpace.rawValue] += 0.25 * em
        }
        // Last resort of stretching: every gap equally (clreq 3.6.4). Never inside a Western word,
        // which is one unit.
        gap.stretch[GapSpacing.StretchTier.interCharacter.rawValue] += 0.1 * em
        return gap
    }

    /// The shrink tier of a punctuation mark's blank half (clreq 3.6.3).
    static func shrinkTier(ofMark mark: Unicode.Scalar) -> GapSpacing.ShrinkTier {
        switch mark {
        case "。", "？", "！": return .stop
        case "，", "、", "；", "：": return .comma
        case "·", "・": return .interpunct
        default: return .bracket
        }
    }

    /// clreq 3.2.2 spaces Han from Western letters and digits, not from symbols such as `+`.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
