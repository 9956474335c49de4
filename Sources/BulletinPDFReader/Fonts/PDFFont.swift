/// A font as the text extractor needs it (§9.6–9.7): how to split a string into character codes, and
/// for each code its Unicode text and advance width. Built once per font dictionary per document by
/// `FontLoader`; glyphs are cached per code.
final class PDFFont {
    /// One decoded character code.
    struct Glyph {
        /// Unicode text; empty when nothing maps the code.
        var text: String
        /// Horizontal advance in text space units per unit of font size (the PDF width / 1000, or for
        /// Type 3 the width through the FontMatrix).
        var width: Double
    }

    /// Font name without a subset prefix (`ABCDEF+`).
    let name: String
    let isBold: Bool
    let isItalic: Bool
    /// Type0 fonts: codes of 1–4 bytes through a CMap; else one byte per code.
    let isComposite: Bool
    /// Vertical writing mode (Identity-V, …-V CMaps): glyphs are placed down the page by `verticalMetrics`.
    let isVertical: Bool
    /// /W2 and /DW2 of a vertical font (the defaults for others).
    let verticalMetrics: VerticalMetrics
    /// Glyph space → text space (§9.2.4): 1/1000 for all but Type 3 fonts.
    let fontMatrix: Matrix

    /// Code splitting for composite fonts.
    let encodingCMap: CMap?
    let predefined: PredefinedCMap?
    let toUnicode: [UInt32: String]
    /// Simple fonts: code → text from the encoding (used when ToUnicode has no entry).
    let simpleEncoding: SimpleEncoding?
    /// Simple fonts: code → width (already in text space units).
    let simpleWidths: [Double]
    /// Composite fonts: CID → width in text space units, with /DW for the rest.
    let cidWidths: [UInt32: Double]
    let cidWidthRanges: [(low: UInt32, high: UInt32, width: Double)]
    let defaultWidth: Double
    /// Composite fonts without a usable ToUnicode: CID → text from the embedded font program's cmap.
    private var embeddedText: LoadedOnce<UInt32>
    /// A CIDFont of one of Adobe's CJK collections (/CIDSystemInfo Adobe GB1, CNS1, Japan1, Korea1):
    /// a CID with no other text is read through Adobe's table of it.
    private let cidCollection: CIDCollection?
    /// Composite fonts whose codes are Unicode values (/ToUnicode /Identity-H, or a guess from the
    /// widths of a font that is not embedded): a code with no other text is read as its scalar.
    private let codesAreUnicode: Bool

    /// Decoded glyphs by code: 256-entry pages allocated on first use (codes below 65536), a
    /// dictionary for longer codes. Cheaper than hashing every code of every string.
    private var cachePages: [[Int32]] = Array(repeating: [], count: 256)
    /// The glyphs `cachePages` point at (slot value n is `cachedGlyphs[n - 1]`; 0 is "not yet"):
    /// plain integers in the per-code table keep Optional's generic paths out of the hot loop.
    private var cachedGlyphs: [Glyph] = []
    private var overflowCache: [UInt32: Glyph] = [:]
    /// Codes that mapped to no text (for one warning per font and page).
    var unmappedCodes = 0

    /// Roughly the memory this font holds (its maps, widths and glyph caches), for the font
    /// cache's budget: a CJK subset font with a few thousand mappings is ~100 KB, a Type 3 font
    /// a few KB.
    var estimatedBytes: Int {
        let mapped = toUnicode.count + (embeddedText.loaded?.count ?? 0) + overflowCache.count
        let pages = cachePages.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        return 512 + mapped * 48 + cidWidths.count * 24 + cidWidthRanges.count * 24 + simpleWidths.count * 8
            + cachedGlyphs.count * MemoryLayout<Glyph>.stride + pages * 1024
    }

    init(name: String, isBold: Bool, isItalic: Bool, isComposite: Bool, isVertical: Bool, fontMatrix: Matrix,
         encodingCMap: CMap?, predefined: PredefinedCMap?, toUnicode: [UInt32: String], simpleEncoding: SimpleEncoding?,
         simpleWidths: [Double], cidWidths: [UInt32: Double], cidWidthRanges: [(low: UInt32, high: UInt32, width: Double)],
         defaultWidth: Double, embeddedText: (() -> [UInt32: String])?, cidCollection: CIDCollection? = nil,
         codesAreUnicode: Bool = false, verticalMetrics: VerticalMetrics = VerticalMetrics()) {
        self.verticalMetrics = verticalMetrics
        self.name = name
        self.isBold = isBold
        self.isItalic = isItalic
        self.isComposite = isComposite
        self.isVertical = isVertical
        self.fontMatrix = fontMatrix
        self.encodingCMap = encodingCMap
        self.predefined = predefined
        self.toUnicode = toUnicode
        self.simpleEncoding = simpleEncoding
        self.simpleWidths = simpleWidths
        self.cidWidths = cidWidths
        self.cidWidthRanges = cidWidthRanges
        self.defaultWidth = defaultWidth
        self.embeddedText = LoadedOnce(embeddedText)
        self.cidCollection = cidCollection
        self.codesAreUnicode = codesAreUnicode
    }

    /// Splits `bytes` into codes and calls `body` with each code's glyph, the code, and whether it is
    /// the single-byte code 32 (to which word spacing applies, §9.3.3).
    @inline(__always)
    func forEachGlyph(in bytes: UnsafeRawBufferPointer, _ body: (Glyph, UInt32, Bool) -> Void) {
        var index = 0
        if !isComposite {
            while index < bytes.count {
                let code = UInt32(bytes[index])
                index += 1
                body(glyph(code), code, code == 32)
            }
            return
        }
        while index < bytes.count {
            let (code, length): (UInt32, Int)
            if let predefined {
                (code, length) = predefined.nextCode(bytes, at: index)
            } else if let encodingCMap {
                (code, length) = encodingCMap.nextCode(bytes, at: index, defaultLength: 2)
            } else {
                (code, length) = (CMap.value(bytes, index, min(2, bytes.count - index)), 2)
            }
            index += max(1, length)
            body(glyph(code), code, length == 1 && code == 32)
        }
    }

    @inline(__always)
    func glyph(_ code: UInt32) -> Glyph {
        if code < 0x10000 {
            let page = Int(code >> 8), slot = Int(code & 0xFF)
            if !cachePages[page].isEmpty {
                let cached = cachePages[page][slot]
                if cached > 0 { return cachedGlyphs[Int(cached) - 1] }
            } else {
                cachePages[page] = Array(repeating: 0, count: 256)
            }
            let glyph = decode(code)
            cachedGlyphs.append(glyph)
            cachePages[page][slot] = Int32(cachedGlyphs.count)
            return glyph
        }
        if let cached = overflowCache[code] { return cached }
        let glyph = decode(code)
        overflowCache[code] = glyph
        return glyph
    }

    /// The glyph of a code not seen before, its text folded to what a reader reads
    /// (`GlyphTextFolding`: CJK radicals, Latin ligatures).
    private func decode(_ code: UInt32) -> Glyph {
        var glyph = isComposite ? compositeGlyph(code) : simpleGlyph(code)
        glyph.text = GlyphTextFolding.fold(glyph.text)
        return glyph
    }

    private func simpleGlyph(_ code: UInt32) -> Glyph {
        let index = Int(code & 0xFF)
        let text = toUnicode[code].flatMap(PDFFont.usable) ?? simpleEncoding?.text(index) ?? ""
        return Glyph(text: text, width: simpleWidths[index])
    }

    /// The CID a composite font's code selects (nil when its CMap maps the code to none).
    private func cid(for code: UInt32) -> UInt32? {
        if let predefined { return predefined.cid(for: code) }
        if let cmap = encodingCMap, cmap.hasCIDMappings { return cmap.cid(for: code) }
        return code
    }

    /// Vertical writing: the advance and position vector of the glyph `code` selects (§9.7.4.3).
    func verticalMetric(_ code: UInt32, width: Double) -> VerticalMetrics.Metric {
        verticalMetrics.metric(cid: isComposite ? cid(for: code) : nil, width: width)
    }

    private func compositeGlyph(_ code: UInt32) -> Glyph {
        let cid = cid(for: code)
        var text = toUnicode[code].flatMap(PDFFont.usable)
        if text == nil, let predefined { text = predefined.unicode(for: code) }
        if text == nil, let cid { text = embeddedText.table()[cid] }
        if text == nil, let cid, let scalar = cidCollection?.scalar(cid) { text = String(Character(scalar)) }
        if text == nil, codesAreUnicode, let scalar = Unicode.Scalar(code) { text = PDFFont.usable(String(Character(scalar))) }
        return Glyph(text: text ?? "", width: width(cid: cid))
    }

    private func width(cid: UInt32?) -> Double {
        guard let cid else { return defaultWidth }
        if let width = cidWidths[cid] { return width }
        for range in cidWidthRanges where cid >= range.low && cid <= range.high { return range.width }
        return defaultWidth
    }

    /// A ToUnicode value is unusable when it maps to nothing or only to control characters (C0, DEL
    /// and C1) or U+FFFD: broken producers write <0000>, and Ghostscript, rewriting a bfrange it
    /// cannot carry over, writes a code's own value (<41e5> → <0080>). The encoding's own mapping and
    /// the font program are then tried.
    static func usable(_ text: String) -> String? {
        if text.isEmpty { return nil }
        for scalar in text.unicodeScalars where scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar.value != 0xFFFD {
            return text
        }
        return nil
    }
}
