import BulletinLayout

/// The content stream of one page (PDF 32000 §8, §9): rules as filled rectangles, glyph runs as
/// text objects. Coordinates go from the display list's top-left origin (y down) to PDF's
/// bottom-left (y up) by `y' = height − y`; no transformation matrix is used.
///
/// Each glyph sits exactly where the display list puts it: a run starts with a text matrix
/// (`Tm`) at its first glyph, and each following glyph is moved from where the font's advance
/// (its /W width) would leave it by a `TJ` adjustment. The pen is tracked with the very numbers
/// written, so rounding never accumulates along a line.
struct PDFPageContent {
    private(set) var out = PDFBuffer(capacity: 1 << 15)
    let pageHeight: Double

    // Graphics and text state as last written, so unchanged settings are not repeated.
    private var inTextObject = false
    private var fillColor: RGBColor?
    private var strokeColor: RGBColor?
    private var font: PDFFontResource?
    private var fontSize = -1.0
    private var renderingMode = 0
    private var lineWidth = -1.0

    /// Positions to 0.001 pt; TJ adjustments (rounded in `GlyphWriter.show`) to 0.1 thousandth of
    /// an em, 0.0016 pt at 16 pt.
    private static let positionDecimals = 3
    private static let adjustmentDecimals = 1
    private static let adjustmentScale = 10.0

    init(pageHeight: Double) { self.pageHeight = pageHeight }

    mutating func finish() -> [UInt8] {
        endTextObject()
        return out.bytes
    }

    // MARK: Rules

    mutating func rule(_ rule: Rule) {
        endTextObject()
        setFill(rule.color)
        out.append(rule.x, decimals: Self.positionDecimals)
        out.append(" ")
        out.append(pageHeight - rule.y - rule.thickness / 2, decimals: Self.positionDecimals)
        out.append(" ")
        out.append(rule.width, decimals: Self.positionDecimals)
        out.append(" ")
        out.append(rule.thickness, decimals: Self.positionDecimals)
        out.append(" re f\n")
    }

    // MARK: Glyph runs

    /// Writes a run and registers its glyphs and texts with `font`.
    ///
    /// Text: a cluster of one glyph puts its text into the font's ToUnicode map. Where the map
    /// cannot say it — the glyph already stands for other text (one glyph for two characters),
    /// the cluster has several glyphs (the first claims the text, the others none: poppler breaks
    /// the line at a glyph without text), or text that has no glyph joined it — the cluster is
    /// wrapped in a /Span with /ActualText (§14.9.4), so the copied text is still exact.
    mutating func run(_ run: GlyphRun, font: PDFFontResource) {
        guard !run.glyphs.isEmpty else { return }
        beginTextObject()
        setFont(font, size: run.size)
        setFill(run.color)
        // Synthetic bold: fill and stroke the outline (rendering mode 2) with a line of 1/24 em,
        // the amount FreeType's emboldening (FT_GlyphSlot_Embolden, which Cairo uses for PNGs)
        // widens a glyph by; FreeType widens to the right and upward only, so the run moves by
        // half the line width right and up to put the ink in the same place.
        let boldWidth = run.syntheticBold ? run.size / 24 : 0
        if run.syntheticBold {
            setStroke(run.color)
            if lineWidth != boldWidth {
                out.append(boldWidth, decimals: Self.positionDecimals)
                out.append(" w\n")
                lineWidth = boldWidth
            }
        }
        let mode = run.syntheticBold ? 2 : 0
        if renderingMode != mode {
            out.append(mode)
            out.append(" Tr\n")
            renderingMode = mode
        }

        var writer = GlyphWriter(out: out, size: run.size, originX: run.x + boldWidth / 2,
                                 originY: pageHeight - run.y + boldWidth / 2)
        out = PDFBuffer()
        let utf8 = Array(run.text.utf8)
        var glyphs: [(cid: UInt16, width: Int32)] = []
        glyphs.reserveCapacity(run.glyphs.count)
        utf8.withUnsafeBufferPointer { text in
            for span in ClusterSpans(run.clusters, glyphCount: run.glyphs.count, textCount: text.count) {
                let spanText = UnsafeBufferPointer(rebasing: text[span.text])
                let ownText = UnsafeBufferPointer(rebasing: text[span.ownText])
                glyphs.removeAll(keepingCapacity: true)
                for index in span.glyphs { glyphs.append(font.register(glyph: run.glyphs[index].id)) }
                let claimed = !ownText.isEmpty && font.claim(glyphs[0].cid, text: ownText)
                let mapped = claimed && glyphs.count == 1 && span.text == span.ownText
                if !mapped { writer.beginActualText(String(decoding: spanText, as: UTF8.self)) }
                for (k, index) in span.glyphs.enumerated() {
                    writer.show(glyphs[k].cid, width: glyphs[k].width, at: run.glyphs[index])
                }
                if !mapped { writer.endActualText() }
            }
        }
        out = writer.finish()
    }

    private mutating func beginTextObject() {
        guard !inTextObject else { return }
        out.append("BT\n")
        inTextObject = true
    }

    private mutating func endTextObject() {
        guard inTextObject else { return }
        out.append("ET\n")
        inTextObject = false
    }

    private mutating func setFont(_ resource: PDFFontResource, size: Double) {
        guard resource !== font || size != fontSize else { return }
        out.append(name: resource.resourceName)
        out.append(" ")
        out.append(size, decimals: Self.positionDecimals)
        out.append(" Tf\n")
        font = resource
        fontSize = size
    }

    private mutating func setFill(_ color: RGBColor) {
        guard color != fillColor else { return }
        appendColor(color)
        out.append(" rg\n")
        fillColor = color
    }

    private mutating func setStroke(_ color: RGBColor) {
        guard color != strokeColor else { return }
        appendColor(color)
        out.append(" RG\n")
        strokeColor = color
    }

    private mutating func appendColor(_ color: RGBColor) {
        out.append(color.red, decimals: 4)
        out.append(" ")
        out.append(color.green, decimals: 4)
        out.append(" ")
        out.append(color.blue, decimals: 4)
    }

    /// Writes the glyphs of one run: `Tm` at the first glyph (and wherever the baseline shifts),
    /// then `[<cids> adjustment <cids> …] TJ`.
    private struct GlyphWriter {
        var out: PDFBuffer
        let size: Double
        let originX: Double
        let originY: Double
        /// Where the viewer's pen is (x, PDF space), and the y the current text matrix is on.
        private var pen = 0.0
        private var lineY: Double?
        private var inArray = false
        private var inHexString = false

        init(out: PDFBuffer, size: Double, originX: Double, originY: Double) {
            self.out = out
            self.size = size
            self.originX = originX
            self.originY = originY
        }

        mutating func show(_ cid: UInt16, width: Int32, at glyph: PlacedGlyph) {
            let x = originX + glyph.x
            let y = originY - glyph.y
            if y != lineY {
                closeArray()
                out.append("1 0 0 1 ")
                out.append(x, decimals: PDFPageContent.positionDecimals)
                out.append(" ")
                out.append(y, decimals: PDFPageContent.positionDecimals)
                out.append(" Tm\n")
                pen = x
                lineY = y
            } else {
                // TJ moves the pen left by n/1000 em: n = (pen − x) · 1000 / size (§9.4.3).
                let scale = PDFPageContent.adjustmentScale
                let adjustment = ((pen - x) * 1000 / size * scale).rounded() / scale
                if adjustment != 0 {
                    openArray()
                    closeHexString()
                    out.append(adjustment, decimals: PDFPageContent.adjustmentDecimals)
                    pen -= adjustment * size / 1000
                }
            }
            openArray()
            if !inHexString {
                out.append("<")
                inHexString = true
            }
            out.append(hex16: cid)
            pen += Double(width) * size / 1000
        }

        mutating func beginActualText(_ text: String) {
            closeArray()
            out.append("/Span << /ActualText ")
            out.append(textString: text)
            out.append(" >> BDC\n")
        }

        mutating func endActualText() {
            closeArray()
            out.append("EMC\n")
        }

        mutating func finish() -> PDFBuffer {
            closeArray()
            return out
        }

        private mutating func openArray() {
            guard !inArray else { return }
            out.append("[")
            inArray = true
        }

        private mutating func closeHexString() {
            guard inHexString else { return }
            out.append(">")
            inHexString = false
        }

        private mutating func closeArray() {
            closeHexString()
            guard inArray else { return }
            out.append("] TJ\n")
            inArray = false
        }
    }
}

/// A run's clusters as spans of glyphs and text. A cluster without glyphs (text the shaper drew
/// nothing for) joins the next cluster, or the previous one at the end of the run, so its text is
/// never lost: such a span's glyphs keep their own cluster's text in the ToUnicode map and the
/// span's whole text goes into /ActualText.
struct ClusterSpans: Sequence {
    struct Span {
        var glyphs: Range<Int>
        /// All the text the span stands for.
        var text: Range<Int>
        /// The text of the glyphs' own cluster (what their ToUnicode entry should say).
        var ownText: Range<Int>
    }

    private var spans: [Span] = []

    init(_ clusters: [TextCluster], glyphCount: Int, textCount: Int) {
        var glyph = 0, byte = 0
        var pendingTextStart: Int?
        for cluster in clusters {
            let start = Swift.min(byte, textCount)
            let own = start..<Swift.max(start, Swift.min(textCount, byte + cluster.bytes))
            let glyphs = Swift.min(glyph, glyphCount)..<Swift.min(glyphCount, glyph + cluster.glyphs)
            byte += cluster.bytes
            glyph += cluster.glyphs
            if glyphs.isEmpty {
                pendingTextStart = pendingTextStart ?? own.lowerBound
                continue
            }
            spans.append(Span(glyphs: glyphs, text: (pendingTextStart ?? own.lowerBound)..<own.upperBound, ownText: own))
            pendingTextStart = nil
        }
        // Trailing text without glyphs, or text and glyphs the clusters did not account for.
        if let last = spans.indices.last {
            if pendingTextStart != nil || byte < textCount {
                spans[last].text = spans[last].text.lowerBound..<textCount
            }
            if glyph < glyphCount { spans[last].glyphs = spans[last].glyphs.lowerBound..<glyphCount }
        } else if glyphCount > 0 {
            spans.append(Span(glyphs: 0..<glyphCount, text: 0..<textCount, ownText: 0..<textCount))
        }
    }

    func makeIterator() -> IndexingIterator<[Span]> { spans.makeIterator() }
}
