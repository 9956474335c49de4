/// A line of text as it stands on a page, in points from the page's top-left corner (y down).
/// Whatever knows the text of a page supplies these: the layout's display list for issues, a
/// golden's text trace, and (once it lands) our PDF extractor for PDFs. `ChangeSummary` compares
/// the lines of two versions to say what changed.
public struct TextLine: Equatable, Sendable, Codable {
    /// 0-based page index.
    public var page: Int
    public var baseline: Double
    /// Horizontal extent of the line's glyphs (advance boxes).
    public var left: Double
    public var right: Double
    /// Font size of the line's first run: with the baseline it gives the line's box.
    public var size: Double
    public var text: String

    public init(page: Int, baseline: Double, left: Double, right: Double, size: Double, text: String) {
        self.page = page
        self.baseline = baseline
        self.left = left
        self.right = right
        self.size = size
        self.text = text
    }

    /// The line's box in points: an em from ascender (0.88 em above the baseline) to descender.
    public var top: Double { baseline - size * 0.88 }
    public var bottom: Double { baseline + size * 0.12 }

    /// A run of text on one baseline (a glyph run, a word): lines are made of these.
    public struct Run: Sendable {
        public var page: Int
        public var baseline: Double
        public var left: Double
        public var right: Double
        public var size: Double
        public var text: String

        public init(page: Int, baseline: Double, left: Double, right: Double, size: Double, text: String) {
            self.page = page
            self.baseline = baseline
            self.left = left
            self.right = right
            self.size = size
            self.text = text
        }
    }

    /// Joins runs into lines: runs on the same page and baseline (to 0.01 pt, as the display list's
    /// own `lines` does) left to right; lines sorted by page, then top to bottom.
    public static func lines(from runs: [Run]) -> [TextLine] {
        struct Key: Hashable { var page: Int; var baseline: Int }
        var groups: [Key: [Run]] = [:]
        for run in runs { groups[Key(page: run.page, baseline: Int((run.baseline * 100).rounded())), default: []].append(run) }
        return groups.keys.sorted { ($0.page, $0.baseline) < ($1.page, $1.baseline) }.map { key in
            let runs = groups[key]!.sorted { $0.left < $1.left }
            return TextLine(page: key.page, baseline: Double(key.baseline) / 100, left: runs[0].left,
                            right: runs.map(\.right).max()!, size: runs[0].size, text: runs.map(\.text).joined())
        }
    }
}
