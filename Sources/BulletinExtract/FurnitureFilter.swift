/// Finds page furniture: page numbers and running heads (lines a reader skips), besides the lines
/// the producer marked /Artifact (already flagged by `LineBuilder`).
///
/// - A page number is a line such as `— 3 —`, `- 3 -`, `第3页`, `第 3 页 共 5 页`, `3 / 5` or `3`, among
///   the two outermost lines at the top or bottom of its page, in the outer seventh of the height.
/// - A running head (or foot) is one of the two outermost lines on either side, not larger than body
///   text, whose text — digits masked, so `第 33 期` on every page and a page number inside a head
///   still match — stands at the same height on at least two pages and on at least 40 % of the
///   pages. The share keeps the masthead of a bound volume (one per issue, same place on each
///   issue's first page) in the text.
enum FurnitureFilter {
    static func mark(_ pages: inout [ExtractedPage], bodySize: Double) {
        var candidates: [(page: Int, line: Int, key: String, top: Bool)] = []
        for p in pages.indices {
            let page = pages[p]
            let lines = page.lines
            guard !lines.isEmpty else { continue }
            let outer = outerLines(lines, height: page.height)
            for (i, top) in outer {
                if lines[i].furniture != nil { continue }
                if isPageNumber(lines[i].text) {
                    pages[p].lines[i].furniture = .pageNumber
                } else if lines[i].size <= bodySize * 1.2 + 0.01 {
                    candidates.append((p, i, maskedKey(lines[i]), top))
                }
            }
        }
        guard pages.count >= 2 else { return }
        var counts: [String: Set<Int>] = [:]
        for c in candidates { counts[c.key, default: []].insert(c.page) }
        let needed = max(2, Int((0.4 * Double(pages.count)).rounded(.up)))
        for c in candidates where (counts[c.key]?.count ?? 0) >= needed {
            pages[c.page].lines[c.line].furniture = .runningHead
        }
    }

    /// Indices of up to two lines at each edge of the page that lie in the outer seventh of its
    /// height, with whether they are at the top.
    private static func outerLines(_ lines: [TextLine], height: Double) -> [(Int, Bool)] {
        var result: [(Int, Bool)] = []
        let band = height / 7
        for i in lines.indices.prefix(2) where lines[i].baseline < band {
            result.append((i, true))
        }
        for i in lines.indices.suffix(2).reversed() where lines[i].baseline > height - band {
            if !result.contains(where: { $0.0 == i }) { result.append((i, false)) }
        }
        return result
    }

    /// The line's text without whitespace, digits masked, plus its height on the page (2 pt steps),
    /// so that the same head at the same place gives the same key.
    private static func maskedKey(_ line: TextLine) -> String {
        var key = ""
        var inDigits = false
        for scalar in line.text.unicodeScalars {
            if CharacterKind(scalar) == .space { continue }
            let isDigit = (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
            if isDigit {
                if !inDigits { key += "#" }
                inDigits = true
            } else {
                key.unicodeScalars.append(scalar)
                inDigits = false
            }
        }
        return key + "@\(Int((line.baseline / 2).rounded()))"
    }

    /// Page-number forms: optional dashes, optional 第, 1–4 digits, optional 页, optional `/ N` or
    /// `共 N 页`, optional dashes; whitespace anywhere. A hand-written scanner: no regex per line.
    static func isPageNumber(_ text: String) -> Bool {
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "―", "－", "‒", "─"]
        var scalars = Array(text.unicodeScalars.filter { CharacterKind($0) != .space })
        while let first = scalars.first, dashes.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, dashes.contains(last) { scalars.removeLast() }
        var i = 0
        func digits() -> Bool {
            let start = i
            while i < scalars.count, (0x30...0x39).contains(scalars[i].value) || (0xFF10...0xFF19).contains(scalars[i].value) {
                i += 1
            }
            return i > start && i - start <= 4
        }
        func take(_ s: Unicode.Scalar) -> Bool {
            if i < scalars.count && scalars[i] == s { i += 1; return true }
            return false
        }
        _ = take("第")
        guard digits() else { return false }
        _ = take("页")
        if take("/") || take("／") {
            guard digits() else { return false }
        } else if take("共") {
            guard digits(), take("页") else { return false }
        }
        return i == scalars.count
    }
}
