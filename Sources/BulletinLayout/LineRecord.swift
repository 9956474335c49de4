/// What the layout knows about one set line, kept beside the display list for checkers and
/// diffs (renderers ignore it): where it stands, which element it belongs to, and its measure.
public struct LineRecord: Equatable, Sendable {
    /// The element a line belongs to.
    public enum Role: String, Equatable, Sendable, CaseIterable {
        case column, kicker, headline, subtitle, editorsNote, paragraph, heading, note, attribution
        case footer, distribution

        /// Elements that must be followed by text on the same page (keep with next).
        public var keepsWithNext: Bool {
            [.column, .kicker, .headline, .subtitle, .heading].contains(self)
        }
    }

    /// 0-based page index.
    public var page: Int
    public var baseline: Double
    /// Where the line's content starts and ends (box extents, not ink), page coordinates.
    public var left: Double
    public var right: Double
    /// The measure the line was set in: a justified line spans it exactly.
    public var measureLeft: Double
    public var measureRight: Double
    public var text: String
    public var role: Role
    /// JSON path of the model element.
    public var path: String
    /// Line number within its block (0-based) and the block's line count.
    public var index: Int
    public var count: Int
    public var justified: Bool
    /// The break after this line fell on a source space (a break between Western words).
    public var breakAtSpace: Bool
    /// The grid cell (or em) of the line's size: the width of one Han character.
    public var cell: Double

    public init(page: Int, baseline: Double, left: Double, right: Double, measureLeft: Double, measureRight: Double,
                text: String, role: Role, path: String, index: Int, count: Int, justified: Bool,
                breakAtSpace: Bool, cell: Double) {
        self.page = page
        self.baseline = baseline
        self.left = left
        self.right = right
        self.measureLeft = measureLeft
        self.measureRight = measureRight
        self.text = text
        self.role = role
        self.path = path
        self.index = index
        self.count = count
        self.justified = justified
        self.breakAtSpace = breakAtSpace
        self.cell = cell
    }

    public var isFirstOfBlock: Bool { index == 0 }
    public var isLastOfBlock: Bool { index == count - 1 }
}
