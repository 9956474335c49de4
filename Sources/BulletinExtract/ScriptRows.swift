/// Superscripts and subscripts (note markers `[4]`, `m²`, `H₂O`, `1st`) stand on their own
/// baselines, raised or lowered by a fraction of an em, so baseline grouping puts them in rows of
/// their own — and the reader would see `[4]` as a line above the sentence it belongs to. A row of
/// a few small glyphs that sits within the text body of the row next to it, in that row's gaps, is
/// joined to it; so is a glyph or two at full size barely off the baseline (the TeX logo's E), and
/// the part of a row that stands over a line when the rest stands beside it (note marks level
/// with a sidebar's text).
extension LineBuilder {
    /// A script is at most this share of its line's size…
    static let scriptSizeRatio = 0.85
    /// …raised at most this share of the line's size (a superscript), or lowered at most
    /// `maximumLowering` (a subscript): a line of small print set this close would overprint.
    static let maximumRaise = 0.6
    static let maximumLowering = 0.4
    /// A glyph at the line's own size this far (em) off its baseline is still on the line.
    static let maximumLevelShift = 0.3
    /// Rows longer than this are lines of small print, not scripts.
    static let maximumScriptGlyphs = 16

    /// `rows` (consecutive ranges of `glyphs` in baseline order, each sorted by x) with each script
    /// row merged into its line's row (the merged range sorted by x again).
    static func attachingScripts(_ rows: [Range<Int>], glyphs: inout [Glyph]) -> [Range<Int>] {
        guard rows.count >= 2 else { return rows }
        var result: [Range<Int>] = []
        result.reserveCapacity(rows.count)
        var index = 0
        while index < rows.count {
            // A superscript row joins the row below it; a subscript row the row above.
            if index + 1 < rows.count, isScript(rows[index], of: rows[index + 1], raised: true, glyphs: glyphs) {
                let merged = rows[index].lowerBound..<rows[index + 1].upperBound
                sortByX(merged, &glyphs)
                result.append(merged)
                index += 2
                continue
            }
            if let last = result.last, isScript(rows[index], of: last, raised: false, glyphs: glyphs) {
                let merged = last.lowerBound..<rows[index].upperBound
                sortByX(merged, &glyphs)
                result[result.count - 1] = merged
                index += 1
                continue
            }
            // Part of the row over the line below (raised) or above (lowered), the rest beside it.
            if index + 1 < rows.count, let moved = scriptPart(rows[index], of: rows[index + 1], raised: true, glyphs: &glyphs) {
                let split = rows[index].upperBound - moved
                let merged = split..<rows[index + 1].upperBound
                sortByX(merged, &glyphs)
                result.append(rows[index].lowerBound..<split)
                result.append(merged)
                index += 2
                continue
            }
            if let last = result.last, let moved = scriptPart(rows[index], of: last, raised: false, glyphs: &glyphs) {
                let split = rows[index].lowerBound + moved
                let merged = last.lowerBound..<split
                sortByX(merged, &glyphs)
                result[result.count - 1] = merged
                result.append(split..<rows[index].upperBound)
                index += 1
                continue
            }
            result.append(rows[index])
            index += 1
        }
        return result
    }

    private static func sortByX(_ range: Range<Int>, _ glyphs: inout [Glyph]) {
        glyphs[range].sort { $0.x0 != $1.x0 ? $0.x0 < $1.x0 : $0.source < $1.source }
    }

    /// Whether `candidate` is a row of scripts of `line`: few glyphs, smaller, raised (or lowered)
    /// by less than the limit, within the line's extent and clear of its glyphs.
    private static func isScript(_ candidate: Range<Int>, of line: Range<Int>, raised: Bool, glyphs: [Glyph]) -> Bool {
        guard candidate.count <= 2 * maximumScriptGlyphs else { return false }  // most rows: a line of text
        return isScript(glyphs[candidate].filter { !$0.isSpace }, of: line, raised: raised, glyphs: glyphs)
    }

    /// When only part of `candidate` stands over `line` — a column's note marks sharing a row with
    /// the text of the column beside it, set a hair higher — and that part is a row of scripts of
    /// `line`, moves it to the side of the row next to `line` (its end when raised, its start when
    /// lowered), each part still in x order, and returns how many glyphs it holds.
    private static func scriptPart(_ candidate: Range<Int>, of line: Range<Int>, raised: Bool, glyphs: inout [Glyph]) -> Int? {
        // Most rows are the next line of text, a line's step away: told from their first glyphs.
        guard candidate.count > 1, let a = glyphs[candidate].first(where: { !$0.isSpace }),
              let b = glyphs[line].first(where: { !$0.isSpace }) else { return nil }
        let step = raised ? b.baseline - a.baseline : a.baseline - b.baseline
        guard step > 0, step <= maximumRaise * max(a.size, b.size) else { return nil }
        let body = glyphs[line].filter { !$0.isSpace }
        guard body.count >= 2 else { return nil }
        let size = body.map(\.size).sorted()[body.count / 2]
        let low = body.map(\.x0).min()! - size, high = body.map(\.x1).max()! + 3 * size
        var over: [Glyph] = [], beside: [Glyph] = []
        for glyph in glyphs[candidate] {
            if glyph.x0 >= low && glyph.x1 <= high { over.append(glyph) } else { beside.append(glyph) }
        }
        let marks = over.filter { !$0.isSpace }
        guard let first = marks.map(\.x0).min(), let last = marks.map(\.x1).max(),
              beside.contains(where: { !$0.isSpace }) else { return nil }
        // The rest stands apart, half an em or more beyond the marks on either side; the marks
        // are smaller than the line's text (no glyph at full size barely off the baseline here:
        // in a form that is a field's label).
        guard beside.allSatisfy({ $0.x0 >= last + 0.5 * size || $0.x1 <= first - 0.5 * size }),
              marks.allSatisfy({ $0.size <= scriptSizeRatio * size }),
              touchesTheWordBefore(marks, body: body, size: size),
              isScript(marks, of: line, raised: raised, glyphs: glyphs) else { return nil }
        let reordered = raised ? beside + over : over + beside
        glyphs.replaceSubrange(candidate, with: reordered)
        return over.count
    }

    /// Whether each run of marks (glyphs less than a third of an em apart) starts where a glyph
    /// of the line ends: a note mark follows the word it annotates (`Thunderbird,[10]`); a label
    /// or a table's figure a hair off the line stands apart.
    private static func touchesTheWordBefore(_ marks: [Glyph], body: [Glyph], size: Double) -> Bool {
        var previousEnd = -Double.infinity
        for mark in marks.sorted(by: { $0.x0 < $1.x0 }) {
            // A run starts here: a glyph of the line must end where it begins.
            if mark.x0 - previousEnd >= 0.3 * size, !body.contains(where: { abs($0.x1 - mark.x0) <= 0.3 * size }) {
                return false
            }
            previousEnd = max(previousEnd, mark.x1)
        }
        return true
    }

    private static func isScript(_ script: [Glyph], of line: Range<Int>, raised: Bool, glyphs: [Glyph]) -> Bool {
        guard !script.isEmpty, script.count <= maximumScriptGlyphs else { return false }
        let body = glyphs[line].filter { !$0.isSpace }
        guard body.count >= 2 else { return false }
        let size = body.map(\.size).sorted()[body.count / 2]
        let baseline = body.map(\.baseline).sorted()[body.count / 2]
        let scriptBaseline = script.map(\.baseline).sorted()[script.count / 2]
        let shift = raised ? baseline - scriptBaseline : scriptBaseline - baseline
        guard shift > 0, shift <= (raised ? maximumRaise : maximumLowering) * size else { return false }
        // The TeX logo lowers its E by half an ex at the text's own size: a glyph or two at full
        // size, off the baseline by less than `maximumLevelShift`, in a gap of the line, is its own.
        let nearlyLevel = script.count <= 3 && shift <= maximumLevelShift * size
        guard nearlyLevel || script.allSatisfy({ $0.size <= scriptSizeRatio * size }) else { return false }
        // A raised glyph whose top stays within the line's height (LaTeX's small A, kerned in
        // under the L's arm) may overlap a glyph of the line; above the line's top (ruby over
        // characters, a stacked fraction's numerator) it may not.
        let withinHeight = raised && script.allSatisfy { $0.baseline - 0.75 * $0.size >= baseline - 0.8 * size }
        let x0 = body.map(\.x0).min()!, x1 = body.map(\.x1).max()!
        for glyph in script {
            guard glyph.x0 >= x0 - size, glyph.x1 <= x1 + 3 * size else { return false }
            guard !withinHeight else { continue }
            let width = max(glyph.x1 - glyph.x0, 0.01)
            for other in body where min(glyph.x1, other.x1) - max(glyph.x0, other.x0) > 0.3 * width { return false }
        }
        return true
    }
}
