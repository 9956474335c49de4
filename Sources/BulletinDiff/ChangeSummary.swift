import Foundation

/// Names what changed between two versions of a document from the text lines of both
/// (`TextLine`), and accounts for the changed pixels no line explains.
///
/// 1. The line texts of the whole document are aligned (longest common subsequence), so a line
///    that merely moved is recognised wherever it went;
/// 2. aligned lines at another place are `moved` (consecutive ones with the same offset are one
///    change); a stretch of unaligned lines is `reflowed` when its text, joined, is unchanged,
///    `textChanged` when it differs, `added` or `removed` when one side is empty;
/// 3. page numbers (`— 3 —`) are left out of the alignment — every page has one, so a line moving
///    across a page break would otherwise pair with the wrong one — and compared page by page;
/// 4. `regions(…)` explains a page's differing pixels: a region over a changed line needs no more
///    words; over an unchanged line it is that line `drawnDifferently`; elsewhere a bare `region`.
public enum ChangeSummary {
    /// Text-level changes, in document order.
    public static func textChanges(base: [TextLine], new: [TextLine]) -> [Change] {
        let baseLines = NumberedLines(base), newLines = NumberedLines(new)
        var changes: [Change] = []
        let baseText = baseLines.lines.indices.filter { !baseLines.lines[$0].isPageNumber }
        let newText = newLines.lines.indices.filter { !newLines.lines[$0].isPageNumber }
        var pendingMove: (base: [Int], new: [Int], dx: Double, dy: Double, pageShift: Int)?
        func flushMove() {
            guard let move = pendingMove else { return }
            changes.append(movedChange(base: baseLines, move.base, new: newLines, move.new, dx: move.dx, dy: move.dy))
            pendingMove = nil
        }
        for step in align(baseText.map { baseLines.lines[$0].key }, newText.map { newLines.lines[$0].key }) {
            switch step {
            case .same(let k, let l):
                let i = baseText[k], j = newText[l]
                let a = baseLines.lines[i], b = newLines.lines[j]
                let dx = rounded(b.left - a.left), dy = rounded(b.baseline - a.baseline)
                let pageShift = b.page - a.page
                guard pageShift != 0 || abs(dx) >= 0.1 || abs(dy) >= 0.1 else { flushMove(); continue }
                if let move = pendingMove, move.pageShift == pageShift, move.dx == dx, move.dy == dy,
                   newLines.lines[move.new.last!].page == b.page {
                    pendingMove!.base.append(i)
                    pendingMove!.new.append(j)
                } else {
                    flushMove()
                    pendingMove = ([i], [j], dx, dy, pageShift)
                }
            case .different(let baseRange, let newRange):
                flushMove()
                changes.append(hunkChange(base: baseLines, baseRange.map { baseText[$0] }, new: newLines,
                                          newRange.map { newText[$0] }))
            }
        }
        flushMove()
        // In reading order of where each change is seen (the new version's lines, else the base's).
        return (changes + pageNumberChanges(base: baseLines, new: newLines)).enumerated().sorted { a, b in
            let x = a.element.lines ?? a.element.baseLines!, y = b.element.lines ?? b.element.baseLines!
            return (x.firstPage, x.firstLine, a.offset) < (y.firstPage, y.firstLine, b.offset)
        }.map(\.element)
    }

    /// Page numbers compared page by page (pages both versions have).
    private static func pageNumberChanges(base: NumberedLines, new: NumberedLines) -> [Change] {
        var changes: [Change] = []
        let pages = Set(base.lines.map(\.page)).intersection(new.lines.map(\.page)).sorted()
        for page in pages {
            let a = base.indices(onPage: page).filter { base.lines[$0].isPageNumber }
            let b = new.indices(onPage: page).filter { new.lines[$0].isPageNumber }
            for (i, j) in zip(a, b) {
                let before = base.lines[i], after = new.lines[j]
                if before.key != after.key {
                    var change = Change(kind: .textChanged, lines: new.span([j]), baseLines: base.span([i]), description: "")
                    change.before = before.text
                    change.after = after.text
                    change.description = "\(new.span([j])) page number changed: \(quote(before.text)) → \(quote(after.text))"
                    changes.append(change)
                } else if abs(before.baseline - after.baseline) >= 0.1 || abs(before.left - after.left) >= 0.1 {
                    changes.append(movedChange(base: base, [i], new: new, [j], dx: rounded(after.left - before.left),
                                               dy: rounded(after.baseline - before.baseline)))
                }
            }
            if a.count != b.count {
                for j in b.dropFirst(a.count) { changes.append(hunkChange(base: base, [], new: new, [j])) }
                for i in a.dropFirst(b.count) { changes.append(hunkChange(base: base, [i], new: new, [])) }
            }
        }
        return changes
    }

    /// The changes that account for the differing pixels of page `page` (0-based, the same index in
    /// both versions) beyond `known` changes. `regions` are in pixels; `pointsPerPixel` converts
    /// them to the lines' points (nil when the page's scale is unknown: regions stay in pixels
    /// and no line can be matched).
    public static func regions(_ regions: [DiffRegion], page: Int, pointsPerPixel: Double?, base: [TextLine],
                               new: [TextLine], known: [Change]) -> [Change] {
        let baseLines = NumberedLines(base), newLines = NumberedLines(new)
        var explaining: [TextLine] = []
        for change in known {
            explaining += newLines.lines(in: change.lines, onPage: page) + baseLines.lines(in: change.baseLines, onPage: page)
        }
        var result: [Change] = []
        var drawnDifferently: Set<Int> = []
        for region in regions {
            guard let scale = pointsPerPixel else {
                result.append(regionChange(region.rect, page: page, scale: 1, unit: "px"))
                continue
            }
            let box = (x0: Double(region.rect.x) * scale, y0: Double(region.rect.y) * scale,
                       x1: Double(region.rect.maxX) * scale, y1: Double(region.rect.maxY) * scale)
            func overlaps(_ line: TextLine) -> Bool {
                // A pixel of slack around the line box: anti-aliasing reaches beyond the em box.
                line.page == page && box.y0 <= line.bottom + scale && box.y1 >= line.top - scale
                    && box.x0 <= line.right + scale && box.x1 >= line.left - scale
            }
            if explaining.contains(where: overlaps) { continue }
            let touched = newLines.indices(onPage: page).filter { overlaps(newLines.lines[$0].line) }
            if touched.isEmpty {
                result.append(regionChange(region.rect, page: page, scale: scale, unit: "pt"))
                continue
            }
            for index in touched where drawnDifferently.insert(index).inserted {
                let line = newLines.lines[index]
                let span = newLines.span([index])
                var change = Change(kind: .drawnDifferently, lines: span, description: "")
                change.after = line.text
                change.description = "\(span) drawn differently (same text, same place): \(quote(line.text))"
                result.append(change)
            }
        }
        return result
    }

    /// A page only one version has.
    public static func pageChange(page: Int, added: Bool) -> Change {
        var change = Change(kind: added ? .pageAdded : .pageRemoved, description: "p\(page + 1) \(added ? "added" : "removed")")
        change.page = page + 1
        return change
    }

    // MARK: - Building the changes

    private static func movedChange(base: NumberedLines, _ i: [Int], new: NumberedLines, _ j: [Int], dx: Double,
                                    dy: Double) -> Change {
        let span = new.span(j), baseSpan = base.span(i)
        var change = Change(kind: .moved, lines: span, baseLines: baseSpan, description: "")
        let what = "\(span)"
        if baseSpan.firstPage != span.firstPage {
            change.description = "\(what) moved from \(baseSpan): \(quote(new.lines[j[0]].text))"
        } else {
            change.dx = dx
            change.dy = dy
            var parts: [String] = []
            if dy != 0 { parts.append("\(dy > 0 ? "down" : "up") by \(points(abs(dy))) pt") }
            if dx != 0 { parts.append("\(dx > 0 ? "right" : "left") by \(points(abs(dx))) pt") }
            change.description = "\(what) moved \(parts.joined(separator: " and ")): \(quote(new.lines[j[0]].text))"
        }
        return change
    }

    private static func hunkChange(base: NumberedLines, _ i: [Int], new: NumberedLines, _ j: [Int]) -> Change {
        let before = i.map { base.lines[$0].text }, after = j.map { new.lines[$0].text }
        if j.isEmpty {
            let span = base.span(i)
            var change = Change(kind: .removed, baseLines: span, description: "")
            change.before = before.joined(separator: "\n")
            change.description = "\(span) removed (base): \(quote(before.joined()))"
            return change
        }
        let span = new.span(j)
        if i.isEmpty {
            var change = Change(kind: .added, lines: span, description: "")
            change.after = after.joined(separator: "\n")
            change.description = "\(span) added: \(quote(after.joined()))"
            return change
        }
        let joinedBefore = before.joined().filter { !$0.isWhitespace }, joinedAfter = after.joined().filter { !$0.isWhitespace }
        if joinedBefore == joinedAfter {
            var change = Change(kind: .reflowed, lines: span, baseLines: base.span(i), description: "")
            change.before = before.joined(separator: "\n")
            change.after = after.joined(separator: "\n")
            change.description = "\(span) reflowed (same text, \(i.count) → \(j.count) lines): \(quote(after[0]))"
            return change
        }
        let excerpt = TextExcerpt(before: Array(before.joined()), after: Array(after.joined()))
        var change = Change(kind: .textChanged, lines: span, baseLines: base.span(i), description: "")
        change.before = excerpt.before
        change.after = excerpt.after
        let reflow = i.count != j.count || zip(before, after).contains { $0.count != $1.count } ? " (lines reflowed)" : ""
        change.description = "\(span) text changed\(reflow): “\(excerpt.before)” → “\(excerpt.after)”"
        return change
    }

    private static func regionChange(_ rect: PixelRect, page: Int, scale: Double, unit: String) -> Change {
        let box = Change.Box(x0: rounded(Double(rect.x) * scale), y0: rounded(Double(rect.y) * scale),
                             x1: rounded(Double(rect.maxX) * scale), y1: rounded(Double(rect.maxY) * scale), unit: unit)
        var change = Change(kind: .region, description: "changed region \(points(box.x0)),\(points(box.y0))–"
                            + "\(points(box.x1)),\(points(box.y1)) \(unit) on p\(page + 1)")
        change.page = page + 1
        change.region = box
        return change
    }

    // MARK: - Helpers

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// `24`, `0.5`, `12.3`.
    static func points(_ value: Double) -> String {
        let r = rounded(value)
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }

    /// The text in quotes, cut to 24 characters.
    static func quote(_ text: String) -> String {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        return "“" + String(characters.prefix(24)) + (characters.count > 24 ? "…" : "") + "”"
    }

    // MARK: - Alignment

    enum Step: Equatable {
        case same(Int, Int)
        case different(Range<Int>, Range<Int>)
    }

    /// Aligns two sequences by their longest common subsequence; common prefix and suffix first,
    /// so the quadratic table only covers the changed middle. A middle too large for the table
    /// (more than 4 million cells) is reported as one difference.
    static func align(_ a: [String], _ b: [String]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var steps = (0..<prefix).map { Step.same($0, $0) }
        let aMid = prefix..<(a.count - suffix), bMid = prefix..<(b.count - suffix)
        if !aMid.isEmpty || !bMid.isEmpty {
            if aMid.count * bMid.count > 4_000_000 || aMid.isEmpty || bMid.isEmpty {
                steps.append(.different(aMid, bMid))
            } else {
                steps += lcsSteps(a, aMid, b, bMid)
            }
        }
        steps += (0..<suffix).map { Step.same(a.count - suffix + $0, b.count - suffix + $0) }
        return steps
    }

    private static func lcsSteps(_ a: [String], _ aRange: Range<Int>, _ b: [String], _ bRange: Range<Int>) -> [Step] {
        let n = aRange.count, m = bRange.count
        // table[i][j]: LCS length of a[i...] and b[j...] (suffixes), so the walk goes forwards.
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = a[aRange.lowerBound + i] == b[bRange.lowerBound + j]
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0, hunkA = 0, hunkB = 0
        func flush() {
            if hunkA < i || hunkB < j {
                steps.append(.different((aRange.lowerBound + hunkA)..<(aRange.lowerBound + i),
                                        (bRange.lowerBound + hunkB)..<(bRange.lowerBound + j)))
            }
        }
        while i < n || j < m {
            if i < n, j < m, a[aRange.lowerBound + i] == b[bRange.lowerBound + j] {
                flush()
                steps.append(.same(aRange.lowerBound + i, bRange.lowerBound + j))
                i += 1; j += 1
                hunkA = i; hunkB = j
            } else if j < m && (i == n || table[i * (m + 1) + j + 1] >= table[(i + 1) * (m + 1) + j]) {
                j += 1
            } else {
                i += 1
            }
        }
        flush()
        return steps
    }
}

/// The lines of one version, sorted, with their 1-based number on their page.
struct NumberedLines {
    struct Line {
        var line: TextLine
        var number: Int
        var key: String { line.text.trimmingCharacters(in: .whitespaces) }
        /// A folio such as `— 3 —`, `- 12 -` or `3`: dashes and spaces around a number.
        var isPageNumber: Bool {
            let inner = key.trimmingCharacters(in: CharacterSet(charactersIn: "—–-－ \u{3000}"))
            return !inner.isEmpty && inner.count <= 4 && inner.allSatisfy(\.isNumber)
        }
        var page: Int { line.page }
        var baseline: Double { line.baseline }
        var left: Double { line.left }
        var text: String { line.text }
    }
    let lines: [Line]

    init(_ textLines: [TextLine]) {
        var numbered: [Line] = []
        var page = -1, number = 0
        for line in textLines.sorted(by: { ($0.page, $0.baseline, $0.left) < ($1.page, $1.baseline, $1.left) }) {
            if line.page != page { page = line.page; number = 0 }
            number += 1
            numbered.append(Line(line: line, number: number))
        }
        lines = numbered
    }

    /// The span of lines at these indices (sorted, non-empty), 1-based pages.
    func span(_ indices: [Int]) -> LineSpan {
        let first = lines[indices.first!], last = lines[indices.last!]
        return LineSpan(firstPage: first.page + 1, firstLine: first.number, lastPage: last.page + 1, lastLine: last.number)
    }

    func indices(onPage page: Int) -> [Int] { lines.indices.filter { lines[$0].page == page } }

    /// The lines of `span` that stand on 0-based `page`.
    func lines(in span: LineSpan?, onPage page: Int) -> [TextLine] {
        guard let span else { return [] }
        return lines.filter { line in
            let p = line.page + 1
            guard p == page + 1 else { return false }
            let afterStart = p > span.firstPage || (p == span.firstPage && line.number >= span.firstLine)
            let beforeEnd = p < span.lastPage || (p == span.lastPage && line.number <= span.lastLine)
            return afterStart && beforeEnd
        }.map(\.line)
    }
}

/// The changed part of a text with a little context on each side: common prefix and suffix
/// trimmed to `context` characters, the rest cut to `limit`.
struct TextExcerpt {
    var before: String
    var after: String

    init(before a: [Character], after b: [Character], context: Int = 6, limit: Int = 40) {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        func excerpt(_ s: [Character]) -> String {
            let start = max(0, prefix - context), end = min(s.count, s.count - suffix + context)
            var middle = Array(s[start..<end])
            var cut = false
            if middle.count > limit { middle = Array(middle.prefix(limit)); cut = true }
            return (start > 0 ? "…" : "") + String(middle) + (cut || end < s.count ? "…" : "")
        }
        before = excerpt(a)
        after = excerpt(b)
    }
}
