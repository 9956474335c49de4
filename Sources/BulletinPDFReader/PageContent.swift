/// What a PDF page draws, as the reader sees it: positioned glyphs with the Unicode text they stand
/// for, and the straight rules (lines and thin filled rectangles). This is the contract between the
/// PDF reader (BulletinPDFReader: bytes → page content) and the extractor (BulletinExtract: page
/// content → text, markdown, JSON, an issue model). The reader reports what is drawn; deciding what
/// it means (lines, paragraphs, furniture, fake bold) is the extractor's job.
///
/// Coordinates are page space after the page's /Rotate and crop box are applied: points, origin at
/// the top-left corner of the visible page, x to the right, y downwards — the way a reader scans.
public struct PageContent: Sendable, Equatable {
    /// Zero-based page index in the document.
    public var index: Int
    /// Visible page size in points (after rotation).
    public var width: Double
    public var height: Double
    /// Glyphs in content-stream order (the order the producer drew them).
    public var glyphs: [PDFGlyph]
    /// Straight horizontal or vertical rules: stroked lines and filled rectangles thinner than 3 pt.
    /// (Reader's reading: a stroked path contributes each axis-aligned straight segment, a stroked
    /// rectangle its four sides; a filled axis-aligned rectangle counts when its short side is under
    /// 3 pt and its long side more than twice the short one, so dots and squares are not rules.
    /// Curved subpaths are ignored.)
    public var rules: [PDFRule]
    /// Problems met on this page (unsupported feature, broken ToUnicode …); the rest was still read.
    public var warnings: [PDFWarning]

    public init(index: Int, width: Double, height: Double, glyphs: [PDFGlyph] = [], rules: [PDFRule] = [],
                warnings: [PDFWarning] = []) {
        self.index = index
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.rules = rules
        self.warnings = warnings
    }
}

/// One drawn glyph (or one /ActualText span, which stands for the glyphs it covers).
public struct PDFGlyph: Sendable, Equatable {
    /// The Unicode text this glyph stands for: from /ActualText, the font's ToUnicode, its encoding
    /// (standard encodings, /Differences with Adobe Glyph List names or `uniXXXX`), a predefined CJK
    /// CMap, or the embedded font's own cmap. Empty when nothing says (a warning is recorded).
    public var text: String
    /// Left edge of the glyph's advance box and its baseline, in page space (see `PageContent`).
    public var x: Double
    public var baseline: Double
    /// Advance width in page space (horizontal writing).
    public var width: Double
    /// Effective font size in page space: the text matrix and CTM applied (em height in points).
    /// For every font type one text-space unit times the font size: a Type 3 font's FontMatrix maps its
    /// glyph grid into that unit, whatever the grid (Chromium's 1000 units, pdftocairo's 1).
    /// An /ActualText span with no glyphs (replacement text for an image or path) is one glyph of
    /// width 0 at the current text position.
    public var size: Double
    /// Font name with any subset prefix (`ABCDEF+`) removed, e.g. `FandolFang-Regular`.
    public var font: String
    /// The font itself says bold (name or descriptor weight ≥ 600 / ForceBold flag).
    public var fontIsBold: Bool
    /// The font itself says italic/oblique.
    public var fontIsItalic: Bool
    /// Text rendering mode (Tr 0…7); 1 and 2 stroke the outline — a common way to fake bold.
    public var renderingMode: Int
    /// Stroke line width in page space when `renderingMode` strokes (for fake-bold detection).
    public var strokeWidth: Double
    /// Fill colour as sRGB components 0…1 (DeviceGray/CMYK converted naively).
    public var color: PDFColor
    /// Drawn inside marked content tagged /Artifact (running heads, page numbers in tagged PDFs).
    public var isArtifact: Bool
    /// Which way the glyph's baseline runs in page space, in degrees clockwise from left-to-right
    /// (page space has y down): 0 for upright text, 90 running down the page, 180 upside down,
    /// 270 running up; anything between for text drawn at a slant (a diagonal watermark). Glyphs
    /// of vertical writing stand upright (0) while they advance down.
    public var angle: Double

    public init(text: String, x: Double, baseline: Double, width: Double, size: Double, font: String,
                fontIsBold: Bool = false, fontIsItalic: Bool = false, renderingMode: Int = 0,
                strokeWidth: Double = 0, color: PDFColor = .black, isArtifact: Bool = false, angle: Double = 0) {
        self.text = text
        self.x = x
        self.baseline = baseline
        self.width = width
        self.size = size
        self.font = font
        self.fontIsBold = fontIsBold
        self.fontIsItalic = fontIsItalic
        self.renderingMode = renderingMode
        self.strokeWidth = strokeWidth
        self.color = color
        self.isArtifact = isArtifact
        self.angle = angle
    }
}

/// A straight rule: a stroked horizontal/vertical line or a thin filled rectangle, in page space.
public struct PDFRule: Sendable, Equatable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double
    /// Thickness in points (line width, or the rectangle's short side).
    public var thickness: Double
    public var color: PDFColor

    public init(x0: Double, y0: Double, x1: Double, y1: Double, thickness: Double, color: PDFColor) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.thickness = thickness
        self.color = color
    }
}

/// An sRGB colour, components 0…1.
public struct PDFColor: Sendable, Equatable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = PDFColor(red: 0, green: 0, blue: 0)
}

/// Something the reader could not do, named so a user can tell what was skipped.
public struct PDFWarning: Sendable, Equatable, CustomStringConvertible {
    /// Page index (zero-based) or nil for the document as a whole.
    public var page: Int?
    /// The feature or object concerned, e.g. `JBIG2Decode filter`, `object 12 0`, `font F3 ToUnicode`.
    public var feature: String
    public var message: String

    public init(page: Int?, feature: String, message: String) {
        self.page = page
        self.feature = feature
        self.message = message
    }

    public var description: String {
        let location = page.map { "page \($0 + 1): " } ?? ""
        return "\(location)\(feature): \(message)"
    }
}
