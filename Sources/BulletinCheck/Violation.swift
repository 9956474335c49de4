/// The BulletinCheck module: proves a laid-out bulletin keeps the typographic rules.
///
/// `TypographyChecker.check` reads the lines of each page (the layout's `LineRecord`s and the glyph
/// runs of the display list) and reports every violation with page, line and the offending text.
/// Rules and their sources: ../shared/reference/typography.md (clreq, GB/T 15834, GB/T 9704).

/// One broken rule at one place.
public struct Violation: Equatable, Sendable, CustomStringConvertible {
    /// The rules the checker knows.
    public enum Rule: String, Sendable, CaseIterable {
        /// clreq `#prohibition_rules_for_line_start_end`: a closing mark starts a line.
        case prohibitedLineStart = "prohibited-line-start"
        /// An opening mark ends a line.
        case prohibitedLineEnd = "prohibited-line-end"
        /// `——` or `……` split over two lines.
        case splitDashOrEllipsis = "split-dash-or-ellipsis"
        /// Grid mode (GB/T 9704): a full line does not end exactly on the type area's right edge.
        case lineOffGridEdge = "line-off-grid-edge"
        /// clreq 3.6.4: gaps between Han characters in one justified line differ.
        case unevenSpacing = "uneven-spacing"
        /// A justified line whose Han characters are spread beyond the style's limit (a line
        /// that could not be filled, e.g. before a long URL).
        case looseLine = "loose-line"
        /// clreq `#adjustments_of_orphans_and_widows`: one Han character alone on a last line.
        case lonelyLastCharacter = "lonely-last-character"
        /// A paragraph's first line alone at a page foot.
        case orphanLine = "orphan-line"
        /// A paragraph's last line alone at a page top.
        case widowLine = "widow-line"
        /// A heading, headline, kicker or column head last on a page.
        case headingLastOnPage = "heading-last-on-page"
        /// A glyph the font does not have (drawn as .notdef).
        case missingGlyph = "missing-glyph"
        /// A Western word or number broken over two lines.
        case brokenWesternWord = "broken-western-word"
    }

    public var rule: Rule
    /// 1-based page and line (counting the checked lines of that page).
    public var page: Int
    public var line: Int
    public var text: String
    public var detail: String

    public init(rule: Rule, page: Int, line: Int, text: String, detail: String) {
        self.rule = rule
        self.page = page
        self.line = line
        self.text = text
        self.detail = detail
    }

    public var description: String {
        "page \(page) line \(line): \(rule.rawValue): \(detail): “\(text)”"
    }
}
