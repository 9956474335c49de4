import BulletinFonts

/// The layout's output and every renderer's input: pages of positioned glyph runs and rules.
///
/// Plain data, in points, origin at the page's top-left corner, y growing downward. Each glyph run
/// keeps its source text and cluster map beside its glyphs, which is what makes the PDF's text
/// copyable and lets our extractor read it back. Renderers draw this and make no layout decision.
public struct DisplayList: Sendable {
    public var pages: [DisplayPage]
    /// Font table: a glyph run's `font` indexes it.
    public var fonts: [FontFace]
    public var metadata: DocumentMetadata
    /// One entry per article (and column), in reading order.
    public var outline: [OutlineEntry]
    /// What the layout knows of each body and 版记 line (for checkers and diffs; not drawn).
    public var lineRecords: [LineRecord]
    /// Page labels (PDF 32000 §12.4.2), e.g. one range per issue in a bound volume; empty = none.
    public var pageLabels: [PageLabelRange]

    public init(pages: [DisplayPage], fonts: [FontFace], metadata: DocumentMetadata, outline: [OutlineEntry],
                lineRecords: [LineRecord] = [], pageLabels: [PageLabelRange] = []) {
        self.pages = pages
        self.fonts = fonts
        self.metadata = metadata
        self.outline = outline
        self.lineRecords = lineRecords
        self.pageLabels = pageLabels
    }
}

/// One page: its size and items in drawing order.
public struct DisplayPage: Sendable {
    public var width: Double
    public var height: Double
    public var items: [DisplayItem]

    public init(width: Double, height: Double, items: [DisplayItem] = []) {
        self.width = width
        self.height = height
        self.items = items
    }
}

/// Something drawn on a page.
public enum DisplayItem: Sendable {
    case glyphs(GlyphRun)
    case rule(Rule)
}

/// Glyphs of one font, size and colour on one baseline, with the text they show.
public struct GlyphRun: Sendable {
    /// Index into `DisplayList.fonts`.
    public var font: Int
    public var size: Double
    public var color: RGBColor
    /// Baseline origin of the run.
    public var x: Double
    public var y: Double
    /// Glyphs with positions relative to the run's origin.
    public var glyphs: [PlacedGlyph]
    /// The text the glyphs show, in logical order.
    public var text: String
    /// Text-to-glyph clusters in order; their byte and glyph counts add up to the text's UTF-8
    /// length and the glyph count (Cairo's `cairo_text_cluster_t`).
    public var clusters: [TextCluster]
    /// Draw with synthetic emboldening (fonts without a bold weight, such as 仿宋).
    public var syntheticBold: Bool

    public init(font: Int, size: Double, color: RGBColor, x: Double, y: Double, glyphs: [PlacedGlyph],
                text: String, clusters: [TextCluster], syntheticBold: Bool = false) {
        self.font = font
        self.size = size
        self.color = color
        self.x = x
        self.y = y
        self.glyphs = glyphs
        self.text = text
        self.clusters = clusters
        self.syntheticBold = syntheticBold
    }
}

/// A glyph id and its position relative to its run's origin.
public struct PlacedGlyph: Equatable, Sendable {
    public var id: UInt32
    public var x: Double
    public var y: Double

    public init(id: UInt32, x: Double, y: Double) {
        self.id = id
        self.x = x
        self.y = y
    }
}

/// `bytes` UTF-8 bytes of text map to `glyphs` glyphs.
public struct TextCluster: Equatable, Sendable {
    public var bytes: Int
    public var glyphs: Int

    public init(bytes: Int, glyphs: Int) {
        self.bytes = bytes
        self.glyphs = glyphs
    }
}

/// A horizontal rule: from (x, y) to (x + width, y), `thickness` centered on y.
public struct Rule: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var thickness: Double
    public var color: RGBColor

    public init(x: Double, y: Double, width: Double, thickness: Double, color: RGBColor) {
        self.x = x
        self.y = y
        self.width = width
        self.thickness = thickness
        self.color = color
    }
}

/// A bookmark: title, target page (0-based) and y on it, nesting level (1 = top).
public struct OutlineEntry: Equatable, Sendable {
    public var title: String
    public var page: Int
    public var y: Double
    public var level: Int

    public init(title: String, page: Int, y: Double, level: Int) {
        self.title = title
        self.page = page
        self.y = y
        self.level = level
    }
}

/// Pages from `firstPage` (0-based) up to the next range are labelled `prefix` + a decimal number
/// counting from `start` (PDF 32000 §12.4.2, style /D); `numbered: false` gives the prefix alone.
public struct PageLabelRange: Equatable, Sendable {
    public var firstPage: Int
    public var prefix: String
    public var numbered: Bool
    public var start: Int

    public init(firstPage: Int, prefix: String, numbered: Bool = true, start: Int = 1) {
        self.firstPage = firstPage
        self.prefix = prefix
        self.numbered = numbered
        self.start = start
    }

    /// The label of `page` under these ranges, or nil when no range covers it.
    public static func label(of page: Int, in ranges: [PageLabelRange]) -> String? {
        guard let range = ranges.last(where: { $0.firstPage <= page }) else { return nil }
        return range.numbered ? "\(range.prefix)\(range.start + page - range.firstPage)" : range.prefix
    }
}

/// Document information for the PDF's Info dictionary.
public struct DocumentMetadata: Equatable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO 8601 date-time, e.g. `2020-07-07T00:00:00Z`; fixed so output is reproducible.
    public var creationDate: String

    public init(title: String, author: String, subject: String, keywords: String, creator: String,
                creationDate: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDate = creationDate
    }
}
