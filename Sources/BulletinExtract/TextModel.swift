import BulletinPDFReader

/// A stretch of one line in one style: same font, size, colour and weight.
public struct TextSpan: Sendable, Equatable {
    /// The text, with the spaces the extractor inferred or read inside the span.
    public var text: String
    /// Left and right edges of the span's glyph boxes, page space (points, y down).
    public var x0: Double
    public var x1: Double
    /// Index into `Extraction.fonts`.
    public var font: Int
    public var size: Double
    public var color: PDFColor
    /// Bold as printed: a bold font, synthetic bold, fake bold (overprinting or fill+stroke).
    public var bold: Bool
    public var italic: Bool
}

/// Why a line counts as page furniture rather than content.
public enum Furniture: String, Sendable, Equatable {
    /// A page number such as `— 3 —`, `- 3 -`, `第3页`, `3`, near the top or bottom edge.
    case pageNumber
    /// A running head or foot: the same text at the same place on several pages.
    case runningHead
    /// Marked content tagged /Artifact by the producer (PDF 32000 §14.8.2.2).
    case artifact
    /// Text drawn at an angle to the page's lines, a small part of the page: a watermark, a stamp,
    /// a label up the binding margin (`RotatedText`).
    case rotated
}

/// One line of text as a reader sees it: glyphs on one baseline, left to right.
public struct TextLine: Sendable, Equatable {
    /// Zero-based page index.
    public var page: Int
    public var spans: [TextSpan]
    /// The line's text (the spans' text joined).
    public var text: String
    /// Bounding box: glyph boxes left/right, ascent/descent estimated from the size.
    public var x0: Double
    public var x1: Double
    public var top: Double
    public var bottom: Double
    public var baseline: Double
    /// The size most of the line's characters have.
    public var size: Double
    /// Set when the line is page furniture.
    public var furniture: Furniture?
    /// The run of lines that read continuously this line belongs to on its page: 0, 1, … down
    /// the page — a new one where a column starts or ends (`ReadingOrder`).
    public var flow: Int = 0
    /// The edges of the column the line stands in, when the page sets it in columns; nil for a
    /// line in the page's own measure.
    public var column: ColumnBounds?
    /// Each visible character and the left edge of its glyph, left to right — only when asked
    /// for (`ExtractOptions.characterPositions`), e.g. to check a PDF's spacing.
    public var characters: [Character] = []
    /// Which way the line runs on the page, in degrees clockwise from left-to-right (as
    /// `PDFGlyph.angle`, on the page turned by `PageOrientation`): 0 but for `Furniture.rotated`
    /// lines, whose box is then the box around the turned line.
    public var angle: Double = 0

    /// A character and where its glyph starts.
    public struct Character: Sendable, Equatable {
        public var scalar: Unicode.Scalar
        public var x: Double
    }

    // Facts for paragraph building, computed once when the line is built.

    /// Where the text starts (without the blank half of an opening mark a typesetter may push into
    /// the margin) and ends (the last glyph box's right edge).
    var start: Double
    var end: Double
    /// Where the line's first word ends (its first glyph's end when the line starts with Chinese):
    /// whether that word would have fitted at the end of the line above (`ParagraphBuilder`).
    var firstWordEnd: Double
    /// The line has a field gap (two or more em of empty space inside it, or ideographic spaces
    /// used as a separator): it is laid out as fields, not flowing text, so it is never joined.
    var hasFieldGap: Bool
    /// First and last characters, for join decisions.
    var first: Unicode.Scalar
    var last: Unicode.Scalar
    /// Font of the first and last characters (indices into the document's font table).
    var firstFont: Int
    var lastFont: Int
    /// Every span in one font: the line is all in `firstFont`.
    var singleFont: Bool
    /// Number of visible characters (for dominant-size and statistics).
    var characterCount: Int

    init(page: Int, spans: [TextSpan], text: String, x0: Double, x1: Double, top: Double, bottom: Double,
         baseline: Double, size: Double, furniture: Furniture?, start: Double, end: Double, hasFieldGap: Bool,
         first: Unicode.Scalar, last: Unicode.Scalar, firstFont: Int, lastFont: Int, singleFont: Bool,
         characterCount: Int, characters: [Character] = [], firstWordEnd: Double? = nil) {
        self.page = page
        self.spans = spans
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.baseline = baseline
        self.size = size
        self.furniture = furniture
        self.start = start
        self.end = end
        self.firstWordEnd = firstWordEnd ?? end
        self.hasFieldGap = hasFieldGap
        self.first = first
        self.last = last
        self.firstFont = firstFont
        self.lastFont = lastFont
        self.singleFont = singleFont
        self.characterCount = characterCount
        self.characters = characters
    }
}

/// The left and right edges of a column of text: where its lines start and the right end of its
/// full lines.
public struct ColumnBounds: Sendable, Equatable {
    public var left: Double
    public var right: Double
    /// How far short of `right` (em) a line may end and still be full, when the column shows it
    /// (eight lines near the edge): 0.8 when nearly all end on it (justified), 4 when not (ragged)
    /// — the test `PageMetrics.fullTolerance` makes for the page's measure, on the column alone.
    var fullTolerance: Double?

    /// The edges a column's lines show: their leftmost start, and their rightmost end among lines
    /// that do not end in a closing mark (which may hang past the measure).
    init(_ lines: ArraySlice<TextLine>) {
        left = lines.map(\.start).min() ?? 0
        let measured = lines.filter { !$0.last.isClosingMark && !$0.hasFieldGap }
        right = measured.map(\.end).max() ?? lines.map(\.end).max() ?? left
        let shortfalls = measured.map { (right - $0.end) / $0.size }.filter { $0 > -0.5 && $0 < 4 }
        if shortfalls.count >= 8 {
            let nearlyFull = shortfalls.filter { $0 <= 0.4 }.count
            fullTolerance = Double(nearlyFull) >= 0.95 * Double(shortfalls.count) ? 0.8 : 4
        }
    }
}

/// A paragraph in reading order: one or more lines, possibly across a page break.
public struct TextParagraph: Sendable, Equatable {
    public var lines: [TextLine]
    /// The paragraph's spans with lines joined (no separator between Chinese, a space between two
    /// Western words broken across lines).
    public var spans: [TextSpan]
    public var text: String
    /// Furniture kind when the paragraph is furniture kept by `--keep-furniture`.
    public var furniture: Furniture?
    /// A wide horizontal rule separates the paragraph from the text above / below it (the
    /// masthead rule, the 版记 rules): `---` in markdown.
    public var ruleBefore: Bool = false
    public var ruleAfter: Bool = false

    /// How the first line sits in the measure (set by the extractor from the page's margins).
    public var alignment: Alignment = .left
    /// First-line start minus the page's left margin, in em of the paragraph's size.
    public var indent: Double = 0

    public var firstPage: Int { lines.first?.page ?? 0 }
    public var size: Double { lines.first?.size ?? 0 }
}

/// Where a paragraph's first line sits between the page's margins.
public enum Alignment: String, Sendable, Equatable {
    /// At the left margin (continuation-style lines, flush-left heads, 版记 items).
    case left
    /// A first-line indent (1–3.5 em): a body paragraph or an indented heading.
    case indented
    /// Equal space on both sides: mastheads, headlines, kickers.
    case centered
    /// Ending on the right margin with space on the left: attributions, dates, print runs.
    case right
}

/// A page as extracted: its lines (furniture included, flagged) and rules.
public struct ExtractedPage: Sendable, Equatable {
    public var index: Int
    public var width: Double
    public var height: Double
    public var lines: [TextLine]
    public var rules: [PDFRule]
    /// Lines of text drawn at an angle to the page's (`RotatedText`), furniture, apart from `lines`
    /// so that they take no part in reading order or running-head detection.
    public var rotatedLines: [TextLine] = []
}

/// The result of extracting a document: pages of lines, paragraphs in reading order, fonts, and the
/// warnings met on the way (the reader's and the extractor's).
public struct Extraction: Sendable {
    public var pages: [ExtractedPage]
    /// Paragraphs in reading order; furniture left out unless the options keep it.
    public var paragraphs: [TextParagraph]
    public var fonts: [FontInfo]
    public var warnings: [PDFWarning]
    /// The size of body text (the most common size, weighted by characters).
    public var bodySize: Double
    /// The body text's font (`DocumentProfile.bodyFont`).
    public var bodyFont: Int?

    /// What classifying the paragraphs needs to know of the document.
    public var profile: DocumentProfile { DocumentProfile(fonts: fonts, bodySize: bodySize, bodyFont: bodyFont) }
}

/// What `Extractor.stream` knows of the whole document once its paragraphs are out.
public struct ExtractionSummary: Sendable {
    public var profile: DocumentProfile
    public var warnings: [PDFWarning]
    public var fonts: [FontInfo] { profile.fonts }
    /// The size of body text (the most common size, weighted by characters).
    public var bodySize: Double { profile.bodySize }
}
