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

        init(_ original: PageContent, options: ExtractOptions) {
            var fonts = PageFonts()
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
