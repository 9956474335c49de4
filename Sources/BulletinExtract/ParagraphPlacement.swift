import BulletinPDFReader

/// Where a paragraph sits: its alignment between the page's margins (the rules around it are
/// marked by `ParagraphStream`). Read by the block classifier (centred display type,
/// right-aligned attributions) and markdown.
enum ParagraphPlacement {
    /// Sets a paragraph's alignment and indent from its first line and the page's margins.
    static func align(_ paragraph: inout TextParagraph, metrics: PageMetrics) {
        guard let line = paragraph.lines.first else { return }
        let em = line.size
        // A line in a column sits between the column's edges.
        let (left, right) = metrics.measure(of: line) ?? (metrics.left(page: line.page), line.end)
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
