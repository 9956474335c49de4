import BulletinPDFReader

/// Groups content lines (reading order, all pages) into paragraphs.
///
/// A line continues the paragraph above it only when everything says so:
/// - same size, no rule between them, no field gap in either, no wider vertical gap than the
///   paragraph's own leading (on one page);
/// - the line above is full: it reaches the right edge of the text around it (a paragraph's last
///   line usually ends short);
/// - the line starts where the paragraph's lines start: at the paragraph's continuation edge, or,
///   after the first line, back at the left margin from a first-line indent (~2 em, GB/T 9704
///   §7.3.5), or at a hanging indent after a label and colon (`报：…` in the 版记);
/// - no heading-like break: a short line all in another face after a sentence end (a column head
///   `【…】` set flush left after a full body line).
/// Across a page break the same tests run against the next page's margins, which joins a paragraph
/// the page cut (its first line on the new page is not indented) and keeps a new one apart.
struct ParagraphBuilder {
    let metrics: PageMetrics
    let rules: [Int: [PDFRule]]
    let fonts: [FontInfo]

    /// Tolerance (em) for two starts to count as the same edge: half an em covers an opening
    /// mark's blank half pushed into the margin or not.
    static let sameEdge = 0.6
    /// How far short of the right edge (em) a line may end and still be full, when the document
    /// does not show its own (`PageMetrics.fullTolerance`): justified lines end on the edge;
    /// hanging or compressed end punctuation moves it by half an em.
    static let fullTolerance = 0.8

    func paragraphs(_ lines: [TextLine]) -> [TextParagraph] {
        var result: [TextParagraph] = []
        var current: [TextLine] = []
        for (index, line) in lines.enumerated() {
            if let previous = current.last {
                if continues(previous: previous, next: line, paragraph: current, lines: lines, index: index) {
                    current.append(line)
                    continue
                }
                result.append(Self.paragraph(current))
                current = []
            }
            current = [line]
        }
        if !current.isEmpty { result.append(Self.paragraph(current)) }
        return result
    }

    /// Whether `next` continues the paragraph whose lines are `paragraph` (last one `previous`).
    private func continues(previous a: TextLine, next b: TextLine, paragraph: [TextLine],
                           lines: [TextLine], index: Int) -> Bool {
        if a.furniture != nil || b.furniture != nil || a.hasFieldGap || b.hasFieldGap { return false }
        let em = max(a.size, b.size)
        if abs(a.size - b.size) > 0.1 * em { return false }
        if a.page == b.page {
            let step = b.baseline - a.baseline
            let pitch = metrics.pitch[PageMetrics.bucket(b.size)] ?? 1.5 * b.size
            if step <= 0 || step > max(1.5 * pitch, pitch + 0.8 * em) { return false }
            if ruleBetween(a, b) { return false }
        }
        // Display type (headlines, titles) set centred over several lines: each line is centred,
        // none need be full.
        if a.size > metrics.bodySize * 1.1, a.page == b.page, a.firstFont == b.firstFont, centered(a), centered(b) {
            return true
        }
        // Full: the line reaches the right edge of the text around it.
        let edge = rightEdge(around: index - 1, in: lines)
        let slack = metrics.fullTolerance[PageMetrics.bucket(a.size)] ?? Self.fullTolerance
        if a.end < edge - slack * em { return false }

        // Starts, relative to the left edge of the text around each line (its own page, its own
        // size): pages may mirror their margins, and inset blocks (the 版记) have their own edge.
        let bLeft = leftEdge(around: index, in: lines)
        let bStart = b.start - bLeft
        let firstIndex = index - paragraph.count
        let firstStart = paragraph[0].start - leftEdge(around: firstIndex, in: lines)
        let tolerance = Self.sameEdge * em
        var continues = false
        if paragraph.count >= 2 {
            // Continuation lines share one edge.
            let edgeStart = paragraph[1].start - leftEdge(around: firstIndex + 1, in: lines)
            continues = abs(bStart - edgeStart) <= tolerance
        } else if abs(bStart - firstStart) > tolerance, let label = Self.labelWidth(a),
                  bStart - firstStart > tolerance, bStart - firstStart <= label + tolerance {
            // A hanging indent after `报：` and the like: continuation lines align after the colon.
            continues = true
        } else if abs(firstStart) <= tolerance {
            // A first line at the edge: the next line continues at the edge (or, for display
            // type as wide as the measure, centred).
            continues = abs(bStart) <= tolerance || (b.size > metrics.bodySize * 1.1 && centered(b))
        } else if bStart < firstStart - tolerance {
            // Back to the edge after an indented first line.
            continues = abs(bStart) <= tolerance
        }
        guard continues else { return false }
        // Label-led items (`报：…`, `送：…`, `责编：…`) each start a paragraph, even flush under a full line.
        if Self.labelWidth(b) != nil, Self.labelWidth(paragraph[0]) != nil, abs(bStart - firstStart) <= tolerance {
            return false
        }
        // A short line all in another face after a sentence end is a heading, not a continuation
        // (a column head `【…】` flush left under a full body line).
        if a.last.isSentenceEnd || a.last == "。" || a.last == "”" || a.last == "】" {
            if b.singleFont, b.firstFont != a.lastFont, b.end < edge - slack * em { return false }
        }
        return true
    }

    /// The right edge of the text around line `index`: the furthest end among up to four lines on
    /// each side, of the same page and size; the document's usual edge for that size when the
    /// window holds too few lines to show it.
    private func rightEdge(around index: Int, in lines: [TextLine]) -> Double {
        let line = lines[index]
        // Lines ending in a closing mark may hang it past the measure (LibreOffice hangs a whole
        // em): they show the edge only when no other line does.
        var edge = -Double.infinity, hangingEdge = line.end
        var count = 0
        for j in max(0, index - 4)...min(lines.count - 1, index + 4) {
            let other = lines[j]
            guard other.page == line.page, other.furniture == nil, !other.hasFieldGap,
                  abs(other.size - line.size) <= 0.1 * line.size else { continue }
            if other.last.isClosingMark {
                hangingEdge = max(hangingEdge, other.end)
            } else {
                edge = max(edge, other.end)
            }
            count += 1
        }
        if edge == -Double.infinity { edge = hangingEdge }
        if count < 3, let usual = metrics.rightEdge[PageMetrics.bucket(line.size)] { edge = max(edge, usual) }
        return edge
    }

    /// The left edge of the text around line `index`: the smallest start among up to four lines on
    /// each side of the same page and size; the page's margin when the window is too thin.
    private func leftEdge(around index: Int, in lines: [TextLine]) -> Double {
        let line = lines[index]
        var edge = line.start
        var count = 0
        for j in max(0, index - 4)...min(lines.count - 1, index + 4) {
            let other = lines[j]
            guard other.page == line.page, other.furniture == nil,
                  abs(other.size - line.size) <= 0.1 * line.size else { continue }
            edge = min(edge, other.start)
            count += 1
        }
        if count < 3 { edge = min(edge, metrics.left(page: line.page)) }
        return edge
    }

    private func centered(_ line: TextLine) -> Bool {
        guard let right = metrics.rightEdge[PageMetrics.bucket(metrics.bodySize)] else { return false }
        let middle = (metrics.left(page: line.page) + right) / 2
        return abs((line.start + line.end) / 2 - middle) < line.size
    }

    /// Whether a horizontal rule lies between the two lines (the masthead rule, the 版记 rules).
    private func ruleBetween(_ a: TextLine, _ b: TextLine) -> Bool {
        guard let pageRules = rules[a.page] else { return false }
        for rule in pageRules where abs(rule.y1 - rule.y0) < 3 {
            let y = (rule.y0 + rule.y1) / 2
            if y > a.baseline && y < b.top && min(rule.x0, rule.x1) < b.x1 && max(rule.x0, rule.x1) > b.x0 { return true }
        }
        return false
    }

    /// Width of a leading label and colon (`报：`, `送:`, `发：`, up to 6 characters before the colon)
    /// in points, estimated from the line's size: full-width characters one em, ASCII half.
    static func labelWidth(_ line: TextLine) -> Double? {
        var width = 0.0
        var count = 0
        for scalar in line.text.unicodeScalars {
            let full = !(scalar.isASCII)
            width += full ? line.size : line.size / 2
            if scalar == "：" || scalar == ":" { return count >= 1 ? width : nil }
            count += 1
            if count > 6 { return nil }
        }
        return nil
    }

    // MARK: Building the paragraph

    /// Joins lines: no separator between Chinese; a space between two Western words broken across
    /// lines (the producer dropped the space at the break).
    static func paragraph(_ lines: [TextLine]) -> TextParagraph {
        var spans: [TextSpan] = []
        var text = ""
        for (i, line) in lines.enumerated() {
            if i > 0, needsSpace(after: lines[i - 1], before: line), !spans.isEmpty {
                spans[spans.count - 1].text += " "
                text += " "
            }
            for span in line.spans {
                if let last = spans.last, last.font == span.font, last.bold == span.bold, last.color == span.color,
                   abs(last.size - span.size) < 0.05 {
                    spans[spans.count - 1].text += span.text
                    spans[spans.count - 1].x1 = span.x1
                } else {
                    spans.append(span)
                }
            }
            text += line.text
        }
        let furniture = lines.count == 1 ? lines[0].furniture : nil
        return TextParagraph(lines: lines, spans: spans, text: text, furniture: furniture)
    }

    static func needsSpace(after a: TextLine, before b: TextLine) -> Bool {
        let next = CharacterKind(b.first)
        guard next == .word else { return false }
        let last = CharacterKind(a.last)
        if last == .word { return true }
        // `…end of clause,` + `next word`: Western punctuation after a Western word.
        if last == .westernPunctuation, ",.;:!?)".unicodeScalars.contains(a.last) {
            let scalars = a.text.unicodeScalars
            if scalars.count >= 2 { return CharacterKind(scalars[scalars.index(scalars.endIndex, offsetBy: -2)]) == .word }
        }
        return false
    }
}
