/// What the body text of a document looks like: its size, line pitch and, per page, the left edge
/// lines start at. Measured from the lines (modes of rounded values), never assumed.
struct PageMetrics: Equatable {
    /// The most common size, by characters.
    var bodySize: Double
    /// Per size bucket (size rounded to 0.5 pt): the most common baseline distance of consecutive
    /// lines of that size on one page.
    var pitch: [Int: Double]
    /// Per size bucket: the most common right end of its lines (document-wide), a fallback for
    /// windows with too few lines to show the measure.
    var rightEdge: [Int: Double]
    /// Per size bucket: how far short of the right edge (em) a line may end and still count as
    /// full. Justified text ends on the edge: 0.8 em covers punctuation compression. Ragged text (a
    /// producer that does not justify Chinese, e.g. WeasyPrint) ends short by whatever did not fit,
    /// and UAX #14 keeps quotes with their neighbours (LB19), so a line may end several characters
    /// short: 4 em, and paragraphs are told apart by their first-line indent.
    var fullTolerance: [Int: Double]
    /// Per page: the most common start of body-size lines (the left margin). Filled page by page
    /// as paragraphs are built (`ParagraphStream`), for the pages still in use.
    var leftEdge: [Int: Double] = [:]
    /// The document-wide left margin of body lines, for pages with too few lines.
    var defaultLeft: Double

    static func bucket(_ size: Double) -> Int { Int((size * 2).rounded()) }

    /// The most common size by characters (ties to the smaller size), from size bucket → characters.
    static func bodySize(_ sizeCounts: [Int: Int]) -> Double {
        let bodyBucket = sizeCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 32
        return Double(bodyBucket) / 2
    }

    /// The page's left margin: the most common start of its body-size content lines outside
    /// columns, when at least three lines show it.
    static func leftEdge(of lines: [TextLine], bodySize: Double) -> Double? {
        let bodyBucket = bucket(bodySize)
        var starts: [Int: Int] = [:]
        for line in lines where line.furniture == nil && line.column == nil && bucket(line.size) == bodyBucket {
            starts[Int(line.start.rounded()), default: 0] += 1
        }
        guard let mode = mode(starts), (starts[mode] ?? 0) >= 3 else { return nil }
        return Double(mode)
    }

    func left(page: Int) -> Double { leftEdge[page] ?? defaultLeft }

    /// The edges of the measure a line is set in: its column's, or the page's left margin and the
    /// body text's right edge (nil while the document shows none).
    func measure(of line: TextLine) -> (left: Double, right: Double)? {
        if let column = line.column { return (column.left, column.right) }
        guard let right = rightEdge[PageMetrics.bucket(bodySize)] else { return nil }
        return (left(page: line.page), right)
    }

    /// The right edge of the measure of one size bucket, from how many lines end at each x: where
    /// most lines end. When more lines overrun that end than end on it (two footer fields of one
    /// length among short lines and no body text), the measure is wider: where most of the
    /// overrunning lines end, if two do (wide pages among narrow ones), else the widest line — as
    /// with no repeated end at all. A measure is overrun only by a hanging mark (at most an em),
    /// which is not counted.
    static func rightEdge(ends counts: [Int: Int], bucket: Int) -> Double {
        let em = Double(bucket) / 2
        if let mode = mode(counts), let onMode = counts[mode], onMode >= 2 {
            let overrun = counts.filter { Double($0.key) > Double(mode) + 1.5 * em }
            if overrun.values.reduce(0, +) <= onMode { return Double(mode) }
            return rightEdge(ends: overrun, bucket: bucket)
        }
        return Double(counts.keys.max() ?? 0)
    }

    /// The most frequent key; ties go to the larger key (the measure's edge, not a short line).
    static func mode(_ counts: [Int: Int]) -> Int? {
        counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
    }
}
