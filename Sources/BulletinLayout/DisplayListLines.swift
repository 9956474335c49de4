/// A line of text as it stands on a page: the glyph runs sharing one baseline, left to right.
public struct PageLine: Equatable, Sendable {
    /// 0-based page index.
    public var page: Int
    /// Baseline y in points from the page top.
    public var baseline: Double
    /// Left edge of the first glyph run's origin.
    public var x: Double
    public var text: String
    /// Size of the first run (body lines are 16 pt in the default layout).
    public var size: Double
    /// Font indices of the runs, left to right.
    public var fonts: [Int]
}

extension DisplayList {
    /// The text lines of every page, top to bottom: runs on the same baseline (to 0.01 pt) joined
    /// left to right. What a checker (or a test) reads back without a PDF.
    public var lines: [PageLine] {
        var result: [PageLine] = []
        for (index, page) in pages.enumerated() {
            var byBaseline: [Int: [GlyphRun]] = [:]
            for case .glyphs(let run) in page.items {
                byBaseline[Int((run.y * 100).rounded()), default: []].append(run)
            }
            for key in byBaseline.keys.sorted() {
                let runs = byBaseline[key]!.sorted { $0.x < $1.x }
                result.append(PageLine(page: index, baseline: Double(key) / 100, x: runs[0].x,
                                       text: runs.map(\.text).joined(), size: runs[0].size,
                                       fonts: runs.map(\.font)))
            }
        }
        return result
    }

    /// The rules of every page, with their page index.
    public var rules: [(page: Int, rule: Rule)] {
        pages.enumerated().flatMap { index, page in
            page.items.compactMap { item -> (Int, Rule)? in
                if case .rule(let rule) = item { return (index, rule) }
                return nil
            }
        }
    }
}
