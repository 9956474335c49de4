import BulletinPDFReader

/// Where each paragraph sits: its alignment between the page's margins and the rules around it.
/// Read by the block classifier (centred display type, right-aligned attributions) and markdown.
enum ParagraphPlacement {
    /// Sets `ruleBefore`/`ruleAfter` where a wide horizontal rule separates a paragraph from the
    /// text above or below it on its page (the masthead rule, the 版记 rules).
    static func markRules(_ paragraphs: inout [TextParagraph], pages: [ExtractedPage]) {
        var byPage: [Int: [PDFRule]] = [:]
        for page in pages {
            byPage[page.index] = page.rules.filter { abs($0.x1 - $0.x0) >= page.width * 0.25 }
        }
        for i in paragraphs.indices {
            guard let first = paragraphs[i].lines.first, let rules = byPage[first.page], !rules.isEmpty else { continue }
            // The text just above: the previous paragraph's last line on this page, else the page top.
            var above = 0.0
            if i > 0, let last = paragraphs[i - 1].lines.last, last.page == first.page {
                above = last.baseline + 0.3 * last.size
            }
            if rules.contains(where: { ($0.y0 + $0.y1) / 2 > above && ($0.y0 + $0.y1) / 2 < first.top }) {
                paragraphs[i].ruleBefore = true
            }
            guard let last = paragraphs[i].lines.last, let lastRules = byPage[last.page] else { continue }
            var below = Double.infinity
            if i + 1 < paragraphs.count, let next = paragraphs[i + 1].lines.first, next.page == last.page {
                below = next.top
            }
            if lastRules.contains(where: { ($0.y0 + $0.y1) / 2 > last.baseline + 0.3 * last.size
                                          && ($0.y0 + $0.y1) / 2 < below }) {
                paragraphs[i].ruleAfter = true
            }
        }
    }

    /// Sets a paragraph's alignment and indent from its first line and the page's margins.
    static func align(_ paragraph: inout TextParagraph, metrics: PageMetrics) {
        guard let line = paragraph.lines.first else { return }
        let em = line.size
        let left = metrics.left(page: line.page)
        let right = metrics.rightEdge[PageMetrics.bucket(metrics.bodySize)] ?? line.end
        let leftSpace = line.start - left, rightSpace = right - line.end
        // Centring is judged on the glyph boxes: a producer that centres a line starting with
        // an opening mark keeps the mark's blank half inside.
        let leftBox = line.x0 - left
        paragraph.indent = leftSpace / em
        let single = paragraph.lines.count == 1
        // A body-size line indented 2 em that happens to end 2 em short is an indented line.
        if leftBox >= 1 * em && abs(leftBox - rightSpace) <= 1 * em
            && !(abs(leftBox - 2 * em) < 0.35 * em && abs(line.size - metrics.bodySize) < 0.1) {
            paragraph.alignment = .centered
        } else if rightSpace <= 0.8 * em && leftSpace > 3.5 * em && single {
            paragraph.alignment = .right
        } else if leftSpace >= 0.6 * em && leftSpace <= 3.5 * em {
            paragraph.alignment = .indented
        } else {
            paragraph.alignment = .left
        }
    }
}
