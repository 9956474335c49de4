/// What the body text of a document looks like: its size, line pitch and, per page, the left edge
/// lines start at. Measured from the lines (modes of rounded values), never assumed.
struct PageMetrics {
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
    /// Per page: the most common start of body-size lines (the left margin).
    var leftEdge: [Int: Double]
    /// The document-wide left margin of body lines, for pages with too few lines.
    var defaultLeft: Double

    static func bucket(_ size: Double) -> Int { Int((size * 2).rounded()) }

    /// The most common size of content lines, by characters (ties to the smaller size).
    static func bodySize(_ pages: [ExtractedPage]) -> Double {
        var sizeCounts: [Int: Int] = [:]
        for page in pages {
            for line in page.lines where line.furniture == nil {
                sizeCounts[Self.bucket(line.size), default: 0] += line.characterCount
            }
        }
        let bodyBucket = sizeCounts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 32
        return Double(bodyBucket) / 2
    }

    init(pages: [ExtractedPage]) {
        bodySize = Self.bodySize(pages)
        let bodyBucket = Self.bucket(bodySize)

        var pitches: [Int: [Int: Int]] = [:]
        var ends: [Int: [Int: Int]] = [:]
        var allStarts: [Int: Int] = [:]
        leftEdge = [:]
        for page in pages {
            var starts: [Int: Int] = [:]
            var previous: TextLine?
            for line in page.lines where line.furniture == nil {
                let b = Self.bucket(line.size)
                if !line.hasFieldGap { ends[b, default: [:]][Int(line.end.rounded()), default: 0] += 1 }
                if b == bodyBucket {
                    starts[Int(line.start.rounded()), default: 0] += 1
                    allStarts[Int(line.start.rounded()), default: 0] += 1
                }
                if let p = previous, Self.bucket(p.size) == b {
                    let d = line.baseline - p.baseline
                    if d > 0 { pitches[b, default: [:]][Int((d * 4).rounded()), default: 0] += 1 }
                }
                previous = line
            }
            if let mode = Self.mode(starts), (starts[mode] ?? 0) >= 3 { leftEdge[page.index] = Double(mode) }
        }
        defaultLeft = Self.mode(allStarts).map(Double.init) ?? 0
        pitch = pitches.mapValues { Double(Self.mode($0) ?? 0) / 4 }
        let rightEdge = ends.mapValues { counts in
            // The measure is where most lines end; with no repeated end, the widest line shows it.
            if let mode = Self.mode(counts), (counts[mode] ?? 0) >= 2 { return Double(mode) }
            return Double(counts.keys.max() ?? 0)
        }
        self.rightEdge = rightEdge
        var shortfalls: [Int: [Double]] = [:]
        for page in pages {
            for line in page.lines where line.furniture == nil && !line.hasFieldGap && !line.last.isClosingMark {
                let b = Self.bucket(line.size)
                guard let edge = rightEdge[b] else { continue }
                let s = (edge - line.end) / line.size
                if s > -0.5 && s < 4 { shortfalls[b, default: []].append(max(0, s)) }
            }
        }
        fullTolerance = shortfalls.compactMapValues { values in
            guard values.count >= 8 else { return nil }
            let sorted = values.sorted()
            let p95 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
            return p95 <= 0.4 ? 0.8 : 4
        }
    }

    func left(page: Int) -> Double { leftEdge[page] ?? defaultLeft }

    /// The most frequent key; ties go to the larger key (the measure's edge, not a short line).
    static func mode(_ counts: [Int: Int]) -> Int? {
        counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
    }
}
