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
///
/// Page numbers are a page's own business (`markPageNumbers`); running heads need every page, so
/// they are found in two steps: each page names its candidates (outer lines, keyed), the document
/// counts them (`DocumentStatistics`), and the verdict (`Decision`) is applied page by page — the
/// pages need not all be in memory at once.
enum FurnitureFilter {
    /// An outer line that is a running head if the document repeats it.
    struct Candidate: Sendable {
        /// Index of the line on its page.
        var line: Int
        /// Hash of the masked text and height (`key(_:)`).
        var key: UInt64
        var size: Double
    }

    /// Which candidates are running heads, decided over the whole document.
    struct Decision: Sendable {
        /// Candidates larger than this are display type, never heads (body size × 1.2).
        var largestSize: Double
        /// Keys that repeat on enough pages.
        var runningHeads: Set<UInt64>

        func apply(to lines: inout [TextLine], candidates: [Candidate]) {
            for candidate in candidates where candidate.size <= largestSize && runningHeads.contains(candidate.key) {
                lines[candidate.line].furniture = .runningHead
            }
        }
    }

    /// Marks the page numbers among the page's outer lines and returns the other outer lines, the
    /// running-head candidates (lines already flagged, e.g. /Artifact, are neither).
    static func markPageNumbers(_ lines: inout [TextLine], height: Double) -> [Candidate] {
        var candidates: [Candidate] = []
        for i in outerLines(lines, height: height) where lines[i].furniture == nil {
            if isPageNumber(lines[i].text) {
                lines[i].furniture = .pageNumber
            } else {
                candidates.append(Candidate(line: i, key: key(lines[i]), size: lines[i].size))
            }
        }
        return candidates
    }

    /// How many pages must repeat a head: two at least, and 40 % of the pages.
    static func pagesNeeded(pageCount: Int) -> Int { max(2, Int((0.4 * Double(pageCount)).rounded(.up))) }

    /// Indices of up to two lines at each edge of the page that lie in the outer seventh of its
    /// height, top ones first.
    private static func outerLines(_ lines: [TextLine], height: Double) -> [Int] {
        var result: [Int] = []
        let band = height / 7
        for i in lines.indices.prefix(2) where lines[i].baseline < band {
            result.append(i)
        }
        for i in lines.indices.suffix(2).reversed() where lines[i].baseline > height - band {
            if !result.contains(i) { result.append(i) }
        }
        return result
    }

    /// The line's text without whitespace, digits masked, plus its height on the page (2 pt steps),
    /// so that the same head at the same place gives the same key; hashed (64-bit FNV-1a, stable
    /// across runs) so the document's tally of candidates stays small.
    static func key(_ line: TextLine) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ value: UInt32) {
            hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3
        }
        var inDigits = false
        for scalar in line.text.unicodeScalars {
            if CharacterKind(scalar) == .space { continue }
            let isDigit = (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
            if isDigit {
                if !inDigits { mix(0x23) }
                inDigits = true
            } else {
                mix(scalar.value)
                inDigits = false
            }
        }
        mix(0x40)
        let height = Int((line.baseline / 2).rounded())
        mix(UInt32(truncatingIfNeeded: height))
        mix(UInt32(truncatingIfNeeded: height >> 32))
        return hash
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
