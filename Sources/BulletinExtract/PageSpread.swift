import BulletinPDFReader

/// A landscape sheet holding two pages side by side — a printer's spread (two A4 pages imposed on
/// A3), or a report's facing pages exported as one — is read as two pages: the left half to its
/// foot, then the right. Column bands (`ReadingOrder`) cannot find this gutter when the halves hold
/// tables or forms: those do not read as prose, and their rows do not keep a column's line pitch.
///
/// The evidence is a strip down the middle of the sheet that no glyph and no horizontal rule crosses
/// from top to bottom, wide enough that no table or justified line leaves it open by chance, with
/// text enough on both sides to be a page.
enum PageSpread {
    /// The gutter's centre lies in this share of the sheet's width, measured from the left.
    static let centreZone = 0.35...0.65
    /// The strip is at least this wide: 3 em of the sheet's usual text, and 2 % of the sheet.
    static let minimumGutterEm = 3.0
    static let minimumGutterShare = 0.02
    /// Each half holds at least this share of the sheet's glyphs (a page, not a margin note).
    static let minimumHalfShare = 0.15

    /// The x where a spread's halves divide, or nil when the sheet is not one.
    static func divide(rowCount: Int, glyphs: [LineBuilder.Glyph], rules: [PDFRule], width: Double, height: Double) -> Double? {
        guard width > height, rowCount >= 2 * ReadingOrder.minimumSideRows else { return nil }
        var spans: [(x0: Double, x1: Double)] = []
        var sizes: [Double] = []
        spans.reserveCapacity(glyphs.count)
        for glyph in glyphs where !glyph.isSpace {
            spans.append((glyph.x0, glyph.x1))
            sizes.append(glyph.size)
        }
        guard spans.count >= 2 * ReadingOrder.minimumSideRows else { return nil }
        sizes.sort()
        let em = sizes[sizes.count / 2]
        let needed = max(minimumGutterEm * em, minimumGutterShare * width)
        for rule in rules where abs(rule.y1 - rule.y0) < 3 { spans.append((min(rule.x0, rule.x1), max(rule.x0, rule.x1))) }
        spans.sort { $0.x0 < $1.x0 }

        // The widest uncovered strip whose centre is in the middle zone.
        var best: (x0: Double, x1: Double)?
        var reach = spans[0].x1
        for span in spans.dropFirst() {
            if span.x0 > reach {
                let centre = (reach + span.x0) / 2 / width
                if centreZone.contains(centre), span.x0 - reach >= needed, span.x0 - reach > (best.map { $0.x1 - $0.x0 } ?? 0) {
                    best = (reach, span.x0)
                }
            }
            reach = max(reach, span.x1)
        }
        guard let gutter = best else { return nil }
        let middle = (gutter.x0 + gutter.x1) / 2
        // No glyph crosses the strip: every visible one is on one side.
        let left = glyphs.reduce(0) { $0 + (!$1.isSpace && $1.x1 <= middle ? 1 : 0) }
        let share = Double(left) / Double(sizes.count)
        guard share >= minimumHalfShare, 1 - share >= minimumHalfShare else { return nil }
        return middle
    }
}
