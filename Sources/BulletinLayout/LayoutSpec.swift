/// A layout: page geometry, character grid, font roles and one style per element of an issue.
///
/// Read from a JSON file in `Layouts/` (see `LayoutSpecDecoder`); an office makes its own by
/// copying `Layouts/jianbao.json` and editing it. Lengths on the page are in millimetres, type
/// sizes and leading in points, indents in em (of the element's own size).
public struct LayoutSpec: Equatable, Sendable {
    public var name: String
    public var page: PageGeometry
    /// The GB/T 9704 character grid; nil for proportional mode.
    public var grid: CharacterGrid?
    /// Font roles (e.g. `fang`, `hei`) to fallback chains of font file names in the font directory.
    public var fontRoles: [String: [String]]
    public var typography: TypographySettings
    public var styles: ElementStyles
    public var rules: RuleStyles
    public var pageNumber: PageNumberStyle

    public init(name: String, page: PageGeometry, grid: CharacterGrid?, fontRoles: [String: [String]],
                typography: TypographySettings, styles: ElementStyles, rules: RuleStyles,
                pageNumber: PageNumberStyle) {
        self.name = name
        self.page = page
        self.grid = grid
        self.fontRoles = fontRoles
        self.typography = typography
        self.styles = styles
        self.rules = rules
        self.pageNumber = pageNumber
    }
}

/// Page size and type area (版心), in millimetres; GB/T 9704-2012 §5.2: A4, 天头 37 mm,
/// 订口 28 mm, 版心 156 × 225 mm.
public struct PageGeometry: Equatable, Sendable {
    public var width: Double
    public var height: Double
    public var top: Double
    public var left: Double
    public var typeAreaWidth: Double
    public var typeAreaHeight: Double

    public init(width: Double, height: Double, top: Double, left: Double,
                typeAreaWidth: Double, typeAreaHeight: Double) {
        self.width = width
        self.height = height
        self.top = top
        self.left = left
        self.typeAreaWidth = typeAreaWidth
        self.typeAreaHeight = typeAreaHeight
    }
}

/// The character grid: GB/T 9704-2012 §5.2.2 sets 28 characters a line and 22 lines a page for
/// 3号仿宋; every full line then ends exactly on the type area's right edge.
public struct CharacterGrid: Equatable, Sendable {
    public var charactersPerLine: Int
    public var linesPerPage: Int

    public init(charactersPerLine: Int, linesPerPage: Int) {
        self.charactersPerLine = charactersPerLine
        self.linesPerPage = linesPerPage
    }
}

/// Settings of the line composer.
public struct TypographySettings: Equatable, Sendable {
    /// Space between Han and Western letters or digits, in em (clreq 3.2: up to 1/4 em).
    public var hanLatinSpacing: Double
    /// `basic`, `gb` or `strict` prohibition rules (clreq `#prohibition_rules_for_line_start_end`).
    public var kinsoku: String
    /// `quanjiao` (全角, default), `kaiming`, `banjiao` or `none` (clreq `#punctuation_width_adjustment`).
    public var punctuation: String

    public init(hanLatinSpacing: Double = 0.25, kinsoku: String = "gb", punctuation: String = "quanjiao") {
        self.hanLatinSpacing = hanLatinSpacing
        self.kinsoku = kinsoku
        self.punctuation = punctuation
    }
}

/// Horizontal alignment of a block's lines.
public enum Alignment: String, Equatable, Sendable, CaseIterable {
    case left, center, right, justify
}

/// How one kind of block is set.
public struct BlockStyle: Equatable, Sendable {
    /// A font role of `LayoutSpec.fontRoles`.
    public var font: String
    /// Type size in points.
    public var size: Double
    /// `#RRGGBB`.
    public var color: RGBColor
    /// Line pitch in points; in grid mode rounded up to whole grid lines.
    public var leading: Double
    /// First-line indent in em.
    public var indent: Double
    /// Indent of the other lines in em (hanging indents of the 版记).
    public var hangingIndent: Double
    /// Inset from both sides of the type area, in em.
    public var inset: Double
    public var align: Alignment
    /// Space before and after, in points (in grid mode the block's height rounds up to grid lines).
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// Embolden outlines (for 仿宋 and 楷体, which have no bold weight).
    public var syntheticBold: Bool = false

    public init(font: String, size: Double, color: RGBColor = .black, leading: Double, indent: Double = 0,
                hangingIndent: Double = 0, inset: Double = 0, align: Alignment = .left,
                spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.font = font
        self.size = size
        self.color = color
        self.leading = leading
        self.indent = indent
        self.hangingIndent = hangingIndent
        self.inset = inset
        self.align = align
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

/// How a run inside a paragraph differs from its paragraph: font role and colour.
public struct InlineStyle: Equatable, Sendable {
    public var font: String
    public var color: RGBColor?
    /// Embolden outlines (for 仿宋 and 楷体, which have no bold weight).
    public var syntheticBold: Bool

    public init(font: String, color: RGBColor? = nil, syntheticBold: Bool = false) {
        self.font = font
        self.color = color
        self.syntheticBold = syntheticBold
    }
}

/// One style per element of the issue model.
public struct ElementStyles: Equatable, Sendable {
    public var mastheadExtra: BlockStyle
    public var mastheadTitle: BlockStyle
    public var mastheadNumber: BlockStyle
    public var mastheadIssuer: BlockStyle
    public var column: BlockStyle
    public var kicker: BlockStyle
    public var headline: BlockStyle
    public var subtitle: BlockStyle
    public var editorsNote: BlockStyle
    public var body: BlockStyle
    public var heading: [BlockStyle]
    public var note: BlockStyle
    public var attribution: BlockStyle
    public var footer: BlockStyle
    public var distribution: BlockStyle
    public var bold: InlineStyle
    public var title: InlineStyle
    public var lead: InlineStyle

    public init(mastheadExtra: BlockStyle, mastheadTitle: BlockStyle, mastheadNumber: BlockStyle,
                mastheadIssuer: BlockStyle, column: BlockStyle, kicker: BlockStyle, headline: BlockStyle,
                subtitle: BlockStyle, editorsNote: BlockStyle, body: BlockStyle, heading: [BlockStyle],
                note: BlockStyle, attribution: BlockStyle, footer: BlockStyle, distribution: BlockStyle,
                bold: InlineStyle, title: InlineStyle, lead: InlineStyle) {
        self.mastheadExtra = mastheadExtra
        self.mastheadTitle = mastheadTitle
        self.mastheadNumber = mastheadNumber
        self.mastheadIssuer = mastheadIssuer
        self.column = column
        self.kicker = kicker
        self.headline = headline
        self.subtitle = subtitle
        self.editorsNote = editorsNote
        self.body = body
        self.heading = heading
        self.note = note
        self.attribution = attribution
        self.footer = footer
        self.distribution = distribution
        self.bold = bold
        self.title = title
        self.lead = lead
    }
}

/// The red masthead rule and the 版记 rules (GB/T 9704-2012 §7.4.1: first and last 0.35 mm,
/// middle 0.25 mm).
public struct RuleStyles: Equatable, Sendable {
    /// Masthead rule thickness (pt), colour, and its distance below the issuer/date baseline (mm).
    public var mastheadThickness: Double
    public var mastheadColor: RGBColor
    public var mastheadGap: Double
    /// How many grid lines (or body line pitches) the masthead occupies on page 1.
    public var mastheadLines: Int
    /// 版记 outer and inner rule thickness in mm.
    public var imprintOuter: Double
    public var imprintInner: Double

    public init(mastheadThickness: Double, mastheadColor: RGBColor, mastheadGap: Double, mastheadLines: Int,
                imprintOuter: Double, imprintInner: Double) {
        self.mastheadThickness = mastheadThickness
        self.mastheadColor = mastheadColor
        self.mastheadGap = mastheadGap
        self.mastheadLines = mastheadLines
        self.imprintOuter = imprintOuter
        self.imprintInner = imprintInner
    }
}

/// Page numbers: GB/T 9704-2012 §7.5: 4号 宋体 `— 1 —`, 7 mm below the type area, odd pages
/// right and even pages left, one character in from the edge.
public struct PageNumberStyle: Equatable, Sendable {
    public var font: String
    public var size: Double
    public var color: RGBColor
    /// Distance from the type area's bottom edge to the number's baseline region, mm.
    public var below: Double
    /// Format with `{n}` for the number.
    public var format: String
    /// Odd pages right, even left; else centered.
    public var alternate: Bool
    /// Inset from the type area edge in em.
    public var inset: Double

    public init(font: String, size: Double, color: RGBColor = .black, below: Double, format: String,
                alternate: Bool, inset: Double) {
        self.font = font
        self.size = size
        self.color = color
        self.below = below
        self.format = format
        self.alternate = alternate
        self.inset = inset
    }
}

/// An sRGB colour, components 0…1.
public struct RGBColor: Equatable, Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = RGBColor(red: 0, green: 0, blue: 0)

    /// Parses `#RRGGBB`; nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    /// `#RRGGBB`.
    public var hex: String {
        func byte(_ v: Double) -> String {
            let s = String(Int((v * 255).rounded()), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }
}

/// Millimetres to PDF points (1 in = 25.4 mm = 72 pt).
@inline(__always) func mm(_ value: Double) -> Double { value * 72 / 25.4 }
