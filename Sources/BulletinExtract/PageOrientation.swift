import BulletinPDFReader

/// Which way a page's text runs, and the page turned so that it runs left to right.
///
/// The reader reports glyphs in page space after the page's /Rotate (PDF 32000 §7.7.3.3), so text
/// on a rotated page — or drawn rotated on an upright page (landscape tables, vertical writing) —
/// runs up, down or right to left there. Line building assumes left-to-right lines stacked
/// downwards; a page whose text runs another way is turned first. The direction is read from the
/// glyphs themselves: consecutive glyphs of a text run step along the writing direction by about
/// their advance, and the page's majority direction wins.
enum PageOrientation: Equatable {
    /// Text runs left to right (+x): nothing to do.
    case upright
    /// Text runs down the page (+y), lines stacked right to left: turned a quarter anticlockwise.
    case runsDown
    /// Text runs right to left upside down (−x), lines stacked upwards.
    case upsideDown
    /// Text runs up the page (−y), lines stacked left to right.
    case runsUp

    /// The majority direction of the page's text.
    static func detect(_ glyphs: [PDFGlyph]) -> PageOrientation {
        var votes = [0, 0, 0, 0]   // upright, runsDown, upsideDown, runsUp
        // Fields read in place: copying each glyph (two strings) was a measurable part of a page.
        glyphs.withUnsafeBufferPointer { glyphs in
            var previous = -1
            for index in glyphs.indices where glyphs[index].size > 0 && !glyphs[index].text.isEmpty {
                defer { previous = index }
                let glyph = (x: glyphs[index].x, baseline: glyphs[index].baseline, size: glyphs[index].size)
                guard previous >= 0, abs(glyphs[previous].size - glyph.size) < 0.1 * glyph.size else { continue }
                let p = (x: glyphs[previous].x, baseline: glyphs[previous].baseline, width: glyphs[previous].width,
                         size: glyphs[previous].size)
                let step = max(p.width, 0.3 * p.size)
                let dx = glyph.x - p.x, dy = glyph.baseline - p.baseline
                let low = 0.3 * step, high = 3 * step, across = 0.2 * glyph.size
                if abs(dy) < across && abs(dx) >= low && abs(dx) <= high {
                    votes[dx > 0 ? 0 : 2] += 1
                } else if abs(dx) < across && abs(dy) >= low && abs(dy) <= high {
                    votes[dy > 0 ? 1 : 3] += 1
                }
            }
        }
        // Upright unless another direction clearly dominates (a rotated stamp on a page of text
        // must not turn the page).
        guard let best = votes.indices.max(by: { votes[$0] < votes[$1] }), best != 0,
              votes[best] > 2 * votes[0] else { return .upright }
        return [.upright, .runsDown, .upsideDown, .runsUp][best]
    }

    /// The direction (degrees, as `PDFGlyph.angle`) the page's text runs in.
    var turn: Double {
        switch self {
        case .upright: return 0
        case .runsDown: return 90
        case .upsideDown: return 180
        case .runsUp: return 270
        }
    }

    /// The page turned so that its text runs left to right: glyphs, rules and size. Glyph `x` is
    /// the left edge of the advance box, as the reader reports it, in either frame.
    func turn(_ page: PageContent) -> PageContent {
        guard self != .upright else { return page }
        let w = page.width, h = page.height
        var turned = page
        if self != .upsideDown {
            turned.width = h
            turned.height = w
        }
        turned.glyphs = page.glyphs.map { g in
            var t = g
            switch self {
            case .upright: break
            case .runsDown: t.x = g.baseline; t.baseline = w - g.x            // box [y, y+adv] down the page
            case .upsideDown: t.x = w - (g.x + g.width); t.baseline = h - g.baseline
            case .runsUp: t.x = h - g.baseline; t.baseline = g.x               // origin at the box's lower end
            }
            t.angle = (g.angle - turn + 360).truncatingRemainder(dividingBy: 360)
            return t
        }
        turned.rules = page.rules.map { r in
            let a = point(r.x0, r.y0, w, h), b = point(r.x1, r.y1, w, h)
            return PDFRule(x0: a.x, y0: a.y, x1: b.x, y1: b.y, thickness: r.thickness, color: r.color)
        }
        return turned
    }

    private func point(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> (x: Double, y: Double) {
        switch self {
        case .upright: return (x, y)
        case .runsDown: return (y, w - x)
        case .upsideDown: return (w - x, h - y)
        case .runsUp: return (h - y, x)
        }
    }
}
