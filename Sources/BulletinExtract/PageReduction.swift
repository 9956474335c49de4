import BulletinPDFReader

extension Extractor {
    /// A page reduced to what the extractor keeps: its lines (fonts numbered in the page's own
    /// table, so pages can be reduced in parallel), its horizontal rules and its warnings.
    struct PageLines: Sendable {
        var page: ExtractedPage
        var fonts: PageFonts
        var warnings: [PDFWarning]

        init(_ original: PageContent, options: ExtractOptions) {
            let content = PageOrientation.detect(original.glyphs).turn(original)
            var fonts = PageFonts()
            let lines = LineBuilder.lines(of: content, fonts: &fonts, characterPositions: options.characterPositions)
            // Only horizontal rules matter for reading (masthead and 版记 rules, separators).
            let rules = content.rules.filter { abs($0.y1 - $0.y0) < 3 && abs($0.x1 - $0.x0) >= 3 }
            page = ExtractedPage(index: content.index, width: content.width, height: content.height, lines: lines,
                                 rules: rules)
            self.fonts = fonts
            warnings = content.warnings
            if lines.isEmpty {
                // Most often a scanned page: its text is an image, which this extractor does not read.
                warnings.append(PDFWarning(page: content.index, feature: "text",
                                           message: "the page shows no text (a scanned image or a blank page?)"))
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
