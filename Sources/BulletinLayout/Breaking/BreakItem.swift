// The plain data of Knuth & Plass line breaking ("Breaking Paragraphs into Lines", 1981):
// a paragraph is a list of boxes, glue and penalties; `LineBreaker` chooses where to break it.

/// One element of a paragraph as the line breaker sees it.
///
/// - `box`: material that is set as is (a glyph, a Western word, an indent).
/// - `glue`: space that may stretch or shrink; a legal break when it follows a box, and the
///   glue at a break is dropped. Stretch of at least `BreakItem.fill` counts as infinite.
/// - `penalty`: a possible break with a cost; `width` is set only if the line breaks there
///   (e.g. a hyphen). Cost `forbidden` never breaks, `forced` always does; `flagged` breaks
///   (hyphens) are discouraged from following each other.
///
/// Widths are in any unit, as long as items and line widths agree.
public enum BreakItem: Equatable, Sendable {
    case box(width: Double)
    case glue(width: Double, stretch: Double, shrink: Double)
    case penalty(width: Double, cost: Double, flagged: Bool)

    /// Penalty cost that forbids a break here.
    public static let forbidden = Double.infinity
    /// Penalty cost that forces a break here.
    public static let forced = -Double.infinity
    /// Stretch at or above this is infinite ("fill" glue): it absorbs any shortfall, so a line
    /// containing it is never stretched otherwise and has adjustment ratio 0.
    public static let fill = 1e6

    /// What a caller appends to every paragraph: fill glue, so the last line is set at its
    /// natural width (clreq `#necessity_for_line_adjustment`: the last line is not stretched),
    /// then a forced break.
    public static let paragraphEnd: [BreakItem] = [
        .glue(width: 0, stretch: fill, shrink: 0),
        .penalty(width: 0, cost: forced, flagged: false),
    ]

    /// Whether this is a glue or a penalty, i.e. discardable at the start of a line.
    var isDiscardable: Bool {
        if case .box = self { return false }
        return true
    }

    /// Whether this is a penalty that forces a break.
    var isForcedBreak: Bool {
        if case .penalty(_, let cost, _) = self { return cost == BreakItem.forced }
        return false
    }
}
