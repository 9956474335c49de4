import BulletinPDFReader

extension Extractor {
    /// A page reduced to what the extractor keeps: its lines (fonts numbered in the page's own
    /// table, so pages can be reduced in parallel), its horizontal rules and its warnings.
    struct PageLines: Sendable {
        /// The page, page numbers flagged.
        var page: ExtractedPage
        var fonts: PageFonts
        var warnings: [PDFWarning]
        /// Outer lines that are running heads if the document repeats them.
        var candidates: [FurnitureFilter.Candidate]
        /// Roughly the bytes the lines take: what keeping the page between passes costs.
        var footprint: Int

        init(_ drawn: PageContent, options: ExtractOptions) {
            var fonts = PageFonts()
            let (original, offPage) = Extractor.visiblePart(of: drawn)
            let (content, rotatedLines) = RotatedText.separate(PageOrientation.detect(original.glyphs).turn(original),
                                                               fonts: &fonts, characterPositions: options.characterPositions)
            var lines = LineBuilder.lines(of: content, fonts: &fonts, characterPositions: options.characterPositions)
            candidates = FurnitureFilter.markPageNumbers(&lines, height: content.height)
            // A line's record and its text (twice: the line's and the spans'), a span's record,
            // a recorded character position.
            footprint = 512 + lines.reduce(0) {
                $0 + 200 + 2 * $1.text.utf8.count + 80 * $1.spans.count + 24 * $1.characters.count
            }
            // Only horizontal rules matter for reading (masthead and 版记 rules, separators).
            let rules = content.rules.filter { abs($0.y1 - $0.y0) < 3 && abs($0.x1 - $0.x0) >= 3 }
            page = ExtractedPage(index: content.index, width: content.width, height: content.height, lines: lines,
                                 rules: rules, rotatedLines: rotatedLines)
            self.fonts = fonts
            warnings = content.warnings
            if offPage > 0 {
                warnings.append(PDFWarning(page: content.index, feature: "text",
                                           message: "\(offPage) glyph(s) drawn outside the visible page (its crop box) are left out"))
            }
            if !rotatedLines.isEmpty, !options.keepFurniture {
                warnings.append(RotatedText.warning(rotatedLines, page: content.index))
            }
            if lines.isEmpty {
                // Most often a scanned page: its text is an image, which this extractor does not read.
                // Glyphs drawn without text are another matter: their fonts' warnings say which.
                let unmapped = content.glyphs.reduce(0) { $0 + ($1.text.isEmpty ? 1 : 0) }
                let message = unmapped == 0
                    ? "the page shows no text (a scanned image or a blank page?)"
                    : "the page draws \(unmapped) glyph(s) with no text (fonts without a Unicode mapping, or an empty /ActualText)"
                warnings.append(PDFWarning(page: content.index, feature: "text", message: message))
            }
        }
    }

    /// The page without the glyphs drawn off it — outside the crop box, which is all a viewer
    /// shows and a printer keeps (a printer's slug with the file name and time, line numbers set
    /// in the margin beyond it) — and how many those were. A glyph the edge cuts is kept.
    static func visiblePart(of page: PageContent) -> (page: PageContent, offPage: Int) {
        func onPage(_ glyph: PDFGlyph) -> Bool {
            // Unusable geometry is not this test's to judge (`LineBuilder` drops it).
            guard glyph.x.isFinite, glyph.baseline.isFinite, glyph.width.isFinite, glyph.size.isFinite else { return true }
            if glyph.angle != 0 {
                // Text at an angle: its origin, give or take its size.
                return glyph.x >= -glyph.size && glyph.x <= page.width + glyph.size
                    && glyph.baseline >= -glyph.size && glyph.baseline <= page.height + glyph.size
            }
            // The glyph's box: its advance across, from 0.8 of its size above the baseline to 0.2 below.
            return glyph.x + max(glyph.width, 0) >= 0 && glyph.x <= page.width
                && glyph.baseline + 0.2 * glyph.size >= 0 && glyph.baseline - 0.8 * glyph.size <= page.height
        }
        guard !page.glyphs.allSatisfy(onPage) else { return (page, 0) }
        var visible = page
        visible.glyphs = page.glyphs.filter(onPage)
        return (visible, page.glyphs.count - visible.glyphs.count)
    }

    /// One result per slot, each written by one thread, all read after the writers are done.
    final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func store(_ value: Value, at index: Int) {
            storage.withUnsafeMutableBufferPointer { $0[index] = value }
        }

        func values() -> [Value] { storage.map { $0! } }
    }
}
