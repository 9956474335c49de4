import BulletinPDFReader
import Glibc

/// Text drawn at an angle to the page's lines: a watermark across the page (`内部资料 注意保密` at
/// 30° or 45°), a stamp, a label up the binding margin (`装订线`, turned 90°).
///
/// Read with the page's lines its glyphs would land one by one in the lines they cross — a
/// character of the watermark inside a sentence of the body. So when such text is a small part of
/// the page, its glyphs are taken out before lines are built and read in their own direction:
/// each group of one angle is turned so that it runs left to right and built into lines like any
/// page. Those lines are page furniture (`Furniture.rotated`): left out of the text, kept by
/// `--keep-furniture` after the page's text, listed in JSON with their angle, and named in a
/// warning when left out, so no text goes unsaid.
///
/// Text at an angle that is not a small part of the page (a landscape table across half of it)
/// is content: it stays with the page's glyphs, as before this separation.
enum RotatedText {
    /// Glyphs within this many degrees of the page's direction are on its lines (a scan's skew,
    /// a line set with a slight tilt).
    static let alignedTolerance = 10.0
    /// Rotated text is furniture while its characters are at most this share of the page's.
    static let largestShare = 0.25

    /// The page's glyphs on its own lines, and the lines read from the glyphs at an angle when
    /// they are a small part of the page (else none: every glyph stays on the page).
    static func separate(_ page: PageContent, fonts: inout PageFonts, characterPositions: Bool)
        -> (aligned: PageContent, lines: [TextLine]) {
        func isAligned(_ glyph: PDFGlyph) -> Bool {
            min(glyph.angle, 360 - glyph.angle) <= alignedTolerance
        }
        guard page.glyphs.contains(where: { !isAligned($0) }) else { return (page, []) }
        let visible = page.glyphs.filter { !$0.text.allSatisfy(\.isWhitespace) }
        let rotatedCount = visible.reduce(0) { $0 + (isAligned($1) ? 0 : 1) }
        guard Double(rotatedCount) <= largestShare * Double(visible.count) else { return (page, []) }

        var aligned = page
        aligned.glyphs = page.glyphs.filter(isAligned)
        var byAngle: [Int: [PDFGlyph]] = [:]
        for glyph in page.glyphs where !isAligned(glyph) {
            byAngle[Int(glyph.angle.rounded()) % 360, default: []].append(glyph)
        }
        var lines: [TextLine] = []
        for angle in byAngle.keys.sorted() {
            lines += read(byAngle[angle]!, angle: Double(angle), page: page, fonts: &fonts, characterPositions: characterPositions)
        }
        // Down the page by the top of their boxes, as a reader meets them.
        lines.sort { ($0.top, $0.x0) < ($1.top, $1.x0) }
        return (aligned, lines)
    }

    /// Lines of glyphs running at `angle`: turned to run left to right, built, and placed back on
    /// the page by their bounding box.
    private static func read(_ glyphs: [PDFGlyph], angle: Double, page: PageContent, fonts: inout PageFonts,
                             characterPositions: Bool) -> [TextLine] {
        let radians = angle * .pi / 180
        // Along the text (u) and down its lines (v), in page space (y down).
        let u = (x: cos(radians), y: sin(radians)), v = (x: -sin(radians), y: cos(radians))
        let turned = glyphs.map { glyph -> PDFGlyph in
            let glyphAngle = glyph.angle * .pi / 180
            let (c, s) = (cos(glyphAngle), sin(glyphAngle))
            // The reader gives the left edge of the advance box along the axis the advance mostly
            // runs on (`PDFGlyph.x`), and that projection as the width: back to the origin and the
            // advance along the text.
            let mostlyAcross = abs(c) >= abs(s)
            let origin = (x: glyph.x + (mostlyAcross && c < 0 ? glyph.width : 0), y: glyph.baseline)
            var t = glyph
            t.x = origin.x * u.x + origin.y * u.y
            t.baseline = origin.x * v.x + origin.y * v.y
            t.width = glyph.width / max(abs(c), abs(s), 1e-9)
            t.angle = 0
            return t
        }
        // Shifted so that the turned text starts at the origin of a page just large enough.
        let left = turned.map(\.x).min() ?? 0, top = turned.map { $0.baseline - $0.size }.min() ?? 0
        let right = turned.map { $0.x + $0.width }.max() ?? 0, bottom = turned.map { $0.baseline + $0.size }.max() ?? 0
        let shifted = turned.map { glyph -> PDFGlyph in
            var t = glyph
            t.x -= left
            t.baseline -= top
            return t
        }
        let frame = PageContent(index: page.index, width: right - left, height: bottom - top, glyphs: shifted)
        return LineBuilder.lines(of: frame, fonts: &fonts, characterPositions: characterPositions).map { line in
            // The line's box corners back in page space.
            let corners = [(line.x0, line.top), (line.x1, line.top), (line.x0, line.bottom), (line.x1, line.bottom)].map { corner in
                let along = corner.0 + left, across = corner.1 + top
                return (x: along * u.x + across * v.x, y: along * u.y + across * v.y)
            }
            var placed = line
            placed.furniture = .rotated
            placed.angle = angle
            placed.x0 = corners.map(\.x).min()!
            placed.x1 = corners.map(\.x).max()!
            placed.top = corners.map(\.y).min()!
            placed.bottom = corners.map(\.y).max()!
            placed.baseline = placed.bottom
            placed.start = placed.x0
            placed.end = placed.x1
            placed.flow = 0
            placed.column = nil
            return placed
        }
    }

    /// The warning for rotated lines left out of the text.
    static func warning(_ lines: [TextLine], page: Int) -> PDFWarning {
        let characters = lines.reduce(0) { $0 + $1.characterCount }
        let sample = lines.map(\.text).joined(separator: " ")
        let quoted = sample.count > 40 ? String(sample.prefix(40)) + "…" : sample
        return PDFWarning(page: page, feature: "rotated text",
                          message: "\(characters) character(s) drawn at an angle to the page's lines (a watermark, stamp or margin label?) are left out as page furniture: “\(quoted)”; --keep-furniture keeps them")
    }
}
