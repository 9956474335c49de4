import BulletinFonts
import BulletinModel

/// A table of contents: a title, then groups (one per issue of a bound volume), each a heading
/// line and entries with the label of the page they start on.
public struct ContentsTable: Equatable, Sendable {
    /// e.g. `目　录`.
    public var title: String
    public var groups: [ContentsGroup]

    public init(title: String, groups: [ContentsGroup]) {
        self.title = title
        self.groups = groups
    }
}

/// One group of a contents page, e.g. `第33期（总第2142期）　2020年7月7日` and its articles.
public struct ContentsGroup: Equatable, Sendable {
    public var heading: String
    /// The page label printed after the heading (the group's first page), or nil for none.
    public var page: String?
    public var entries: [ContentsEntry]

    public init(heading: String, page: String? = nil, entries: [ContentsEntry]) {
        self.heading = heading
        self.page = page
        self.entries = entries
    }
}

/// One line of a contents page: an article title and the page it starts on, as printed on that
/// page (a bound issue keeps its own `— n —` numbers, so the page is the issue's own number).
public struct ContentsEntry: Equatable, Sendable {
    public var title: String
    public var page: String

    public init(title: String, page: String) {
        self.title = title
        self.page = page
    }
}

extension Typesetter {
    /// Sets a table of contents on pages of this layout's geometry: the title in the headline
    /// style, each group heading in the column-head style, entries in the body font at the footer's
    /// size with dot leaders to a right-aligned page number. Layouts define no contents style of
    /// their own; deriving it keeps an office's fonts and colours. A group that fits on a page is
    /// never split; a longer one keeps its heading with its first entry; an entry never splits.
    ///
    /// The list carries one outline entry (the title, level 1) and no page numbers; a caller that
    /// binds it in front of other pages labels its pages (`DisplayList.pageLabels`).
    public func layoutContents(_ table: ContentsTable, metadata: DocumentMetadata) -> Warned<DisplayList> {
        var context = CompositionContext(typesetter: self)
        var pager = ContentsPager(left: mm(spec.page.left), top: mm(spec.page.top),
                                  width: mm(spec.page.width), height: mm(spec.page.height),
                                  areaHeight: typeAreaHeight)
        let styles = contentsStyles
        let titleLines = context.lines([StyledSpan(text: table.title, style: context.resolve(styles.title),
                                                   path: "contents.title")], style: styles.title)
        pager.place(titleLines, spaceBefore: 0, spaceAfter: styles.title.spaceAfter + styles.entry.leading)
        for (g, group) in table.groups.enumerated() {
            let heading = entryLines(group.heading, page: group.page, style: styles.heading,
                                     path: "contents.groups[\(g)]", context: &context)
            let entries = group.entries.enumerated().map { e, entry in
                entryLines(entry.title, page: entry.page, style: styles.entry,
                           path: "contents.groups[\(g)].entries[\(e)]", context: &context)
            }
            // A group stays on one page when it fits on one; a longer one keeps at least its
            // heading and first entry together.
            let whole = styles.heading.spaceBefore + heading.height + entries.reduce(0) { $0 + $1.height }
            pager.ensureRoom(whole <= pager.areaHeight
                             ? whole : styles.heading.spaceBefore + heading.height + (entries.first?.height ?? 0))
            pager.place(heading, spaceBefore: styles.heading.spaceBefore)
            for lines in entries {
                pager.ensureRoom(lines.height)
                pager.place(lines, spaceBefore: 0)
            }
        }
        let pages = pager.finish()
        let outline = [OutlineEntry(title: table.title, page: 0, y: mm(spec.page.top), level: 1)]
        return Warned(DisplayList(pages: pages, fonts: context.fonts, metadata: metadata, outline: outline),
                      warnings: context.warnings)
    }

    /// The three styles of a contents page (see `layoutContents`).
    private var contentsStyles: (title: BlockStyle, heading: BlockStyle, entry: BlockStyle) {
        let s = spec.styles
        var title = s.headline
        title.align = .center
        var heading = s.column
        heading.align = .left
        heading.indent = 0
        heading.hangingIndent = 0
        heading.spaceBefore = s.footer.leading / 2
        var entry = s.footer
        entry.font = s.body.font
        entry.color = s.body.color
        entry.inset = 0
        entry.align = .left
        entry.spaceBefore = 0
        entry.spaceAfter = 0
        // Titles start two characters in; their second lines hang there too.
        entry.indent = 2
        entry.hangingIndent = 2
        return (title, heading, entry)
    }

    /// A title (one or more lines) with dot leaders and the page label on its last line, flush
    /// right. The title is set narrower than the type area by the label column, so a long title
    /// wraps before it reaches the page numbers.
    private func entryLines(_ title: String, page: String?, style: BlockStyle, path: String,
                            context: inout CompositionContext) -> [ComposedLine] {
        let resolved = context.resolve(style)
        // Room for the label and a gap: four characters of the entry size (labels such as `12`).
        let labelColumn = page == nil ? 0 : 4 * style.size
        var lines = context.lines([StyledSpan(text: title, style: resolved, path: path)], style: style,
                                  width: typeAreaWidth - labelColumn)
        guard let page, !lines.isEmpty else { return lines }
        var right = style
        right.align = .right
        right.indent = 0
        right.hangingIndent = 0
        let label = context.lines([StyledSpan(text: page, style: resolved, path: path + ".page")], style: right)
        guard let labelLine = label.first else { return lines }
        var last = lines.removeLast()
        last.items += labelLine.items
        let from = last.startX + last.usedWidth + style.size / 2
        let to = labelLine.startX - style.size / 2
        if let leader = leaderRun(from: from, to: to, baseline: last.baseline, style: resolved, context: &context) {
            last.items.append(.glyphs(leader))
        }
        last.text += "……" + page
        lines.append(last)
        return lines
    }

    /// Dot leaders: as many `…` as fit between `from` and `to`, set flush against `to` so the
    /// dots line up down the page. Drawn as text (not rules) so the PDF's text reads naturally.
    private func leaderRun(from: Double, to: Double, baseline: Double, style: ResolvedStyle,
                           context: inout CompositionContext) -> GlyphRun? {
        let ellipsis: Character = "\u{2026}"
        guard let face = style.chain.face(for: ellipsis), let scalar = ellipsis.unicodeScalars.first,
              let glyph = face.glyph(for: scalar) else { return nil }
        let advance = face.advance(of: glyph) * style.size
        guard advance > 0 else { return nil }
        let count = Int(((to - from) / advance).rounded(.down))
        guard count > 0 else { return nil }
        let glyphs = (0..<count).map { PlacedGlyph(id: glyph, x: Double($0) * advance, y: 0) }
        return GlyphRun(font: context.fontIndex(face), size: style.size, color: style.color,
                        x: to - Double(count) * advance, y: baseline, glyphs: glyphs,
                        text: String(repeating: ellipsis, count: count),
                        clusters: Array(repeating: TextCluster(bytes: 3, glyphs: 1), count: count))
    }
}

extension Array where Element == ComposedLine {
    /// The height the lines take on the page.
    var height: Double { reduce(0) { $0 + $1.height } }
}

/// Places line groups down the type area, starting a new page when the next group does not fit.
private struct ContentsPager {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    let areaHeight: Double
    private(set) var pages: [DisplayPage] = []
    private var items: [DisplayItem] = []
    private var y = 0.0

    init(left: Double, top: Double, width: Double, height: Double, areaHeight: Double) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.areaHeight = areaHeight
    }

    /// Starts a new page unless `needed` points still fit on this one (or the page is empty).
    mutating func ensureRoom(_ needed: Double) {
        if y > 0 && y + needed > areaHeight + 0.01 { newPage() }
    }

    mutating func place(_ lines: [ComposedLine], spaceBefore: Double, spaceAfter: Double = 0) {
        if y > 0 { y += spaceBefore }
        for line in lines {
            items += line.placed(x: left, y: top + y)
            y += line.height
        }
        y += spaceAfter
    }

    private mutating func newPage() {
        pages.append(DisplayPage(width: width, height: height, items: items))
        items = []
        y = 0
    }

    mutating func finish() -> [DisplayPage] {
        if !items.isEmpty || pages.isEmpty { newPage() }
        return pages
    }
}
