import BulletinPDFReader

/// The second pass of an extraction: takes pages one at a time, in reading order (furniture
/// already flagged), and hands out each paragraph as soon as it is complete — placed (rules around
/// it, alignment) and, with `keepFurniture`, with the furniture lines in between.
///
/// Only what later pages can still need is kept: the open paragraph (it may run on over the page
/// break), the last finished one (its rule below is known only when the next one starts), a
/// paragraph a figure cut off with the figure's lines (`ParagraphResumption`, at most 80 lines),
/// and the rules and margins of the pages those lie on. Memory is that of a page, not of the
/// document.
struct ParagraphStream {
    private var builder: ParagraphBuilder
    private let keepFurniture: Bool
    /// Lines of the paragraph being built.
    private var open: [ParagraphBuilder.PlacedLine] = []
    /// The last finished paragraph, waiting for the next one to know what lies below it, and
    /// whether its last line is full.
    private var held: (paragraph: TextParagraph, endsFull: Bool)?
    /// The last line of the paragraph handed out before `held`.
    private var lineAbove: TextLine?
    /// Horizontal rules, and those wide enough to separate blocks, of the pages still in use.
    private var rules: [Int: [PDFRule]] = [:]
    private var wideRules: [Int: [PDFRule]] = [:]
    /// Furniture lines not handed out yet, in page order (`keepFurniture` only).
    private var furniture: [(page: Int, top: Bool, line: TextLine)] = []
    /// The words seen so far, for hyphens at line ends.
    private var hyphens = LineEndHyphens()
    /// Paragraphs cut by a figure, rejoined before they are handed out.
    private var resumption = ParagraphResumption()
    private var latestPage = 0

    init(metrics: PageMetrics, keepFurniture: Bool) {
        builder = ParagraphBuilder(metrics: metrics)
        self.keepFurniture = keepFurniture
    }

    var metrics: PageMetrics { builder.metrics }

    /// Pages whose rules and margins are held.
    var pagesInUse: Int { rules.count }

    /// Adds the next page; `emit` receives the paragraphs it completes.
    mutating func add(_ page: ExtractedPage, emit: (TextParagraph) -> Void) {
        latestPage = page.index
        builder.metrics.leftEdge[page.index] = PageMetrics.leftEdge(of: page.lines, bodySize: builder.metrics.bodySize)
        rules[page.index] = page.rules
        wideRules[page.index] = page.rules.filter { abs($0.x1 - $0.x0) >= page.width * 0.25 }
        let content = page.lines.filter { $0.furniture == nil }
        hyphens.learn(content)
        if keepFurniture {
            let firstContent = content.first?.baseline ?? page.height
            for line in page.lines where line.furniture != nil {
                furniture.append((page.index, line.baseline < firstContent, line))
            }
            // Text at an angle (a watermark, a stamp) after the page's text.
            for line in page.rotatedLines { furniture.append((page.index, false, line)) }
        }
        let edges = ParagraphBuilder.Edges(content, metrics: builder.metrics)
        for (k, line) in content.enumerated() {
            let placed = ParagraphBuilder.PlacedLine(line: line, left: edges.left[k], right: edges.right[k])
            if !open.isEmpty && builder.continues(open, next: placed, rules: page.rules) {
                open.append(placed)
            } else {
                close(emit: emit)
                open = [placed]
            }
        }
    }

    /// Hands out what is left: the open and held paragraphs, then the remaining furniture.
    mutating func finish(emit: (TextParagraph) -> Void) {
        close(emit: emit)
        if let last = held { hand(last.paragraph, endsFull: last.endsFull, below: nil, emit: emit) }
        held = nil
        for item in furniture { pass(ParagraphBuilder.paragraph([item.line]), emit: emit) }
        furniture = []
        resumption.finish(emit: emit)
    }

    /// Ends the open paragraph: the held one can now be placed and handed out.
    private mutating func close(emit: (TextParagraph) -> Void) {
        guard !open.isEmpty else { return }
        let paragraph = ParagraphBuilder.paragraph(open.map(\.line), hyphens: hyphens)
        let endsFull = builder.endsFull(open[open.count - 1])
        open = []
        if let previous = held { hand(previous.paragraph, endsFull: previous.endsFull, below: paragraph.lines.first, emit: emit) }
        held = (paragraph, endsFull)
        forgetUnusedPages()
    }

    /// Places a finished paragraph between the text above and below it, and hands it out after the
    /// furniture that precedes it.
    private mutating func hand(_ finished: TextParagraph, endsFull: Bool, below: TextLine?, emit: (TextParagraph) -> Void) {
        var paragraph = finished
        markRules(&paragraph, below: below)
        ParagraphPlacement.align(&paragraph, metrics: builder.metrics)
        lineAbove = paragraph.lines.last
        if keepFurniture {
            // A page's top furniture goes before the first paragraph that starts on that page, its
            // bottom furniture after the page's text.
            let page = paragraph.firstPage
            var handed = 0
            while handed < furniture.count, furniture[handed].page < page || (furniture[handed].page == page && furniture[handed].top) {
                pass(ParagraphBuilder.paragraph([furniture[handed].line]), emit: emit)
                handed += 1
            }
            furniture.removeFirst(handed)
        }
        resumption.add(paragraph, endsFull: endsFull, hyphens: hyphens, emit: emit)
    }

    /// Hands out a paragraph that never goes on past a figure (furniture) in its place in the order.
    private mutating func pass(_ paragraph: TextParagraph, emit: (TextParagraph) -> Void) {
        resumption.add(paragraph, endsFull: false, hyphens: hyphens, emit: emit)
    }

    /// Sets `ruleBefore`/`ruleAfter` where a wide horizontal rule separates the paragraph from the
    /// text above or below it on its page (the masthead rule, the 版记 rules).
    private func markRules(_ paragraph: inout TextParagraph, below next: TextLine?) {
        guard let first = paragraph.lines.first, let last = paragraph.lines.last else { return }
        if let pageRules = wideRules[first.page], !pageRules.isEmpty {
            // The text just above: the previous paragraph's last line on this page, else the page top.
            var above = 0.0
            if let line = lineAbove, line.page == first.page { above = line.baseline + 0.3 * line.size }
            if pageRules.contains(where: { ($0.y0 + $0.y1) / 2 > above && ($0.y0 + $0.y1) / 2 < first.top }) {
                paragraph.ruleBefore = true
            }
        } else {
            return
        }
        guard let lastRules = wideRules[last.page] else { return }
        var below = Double.infinity
        if let next, next.page == last.page { below = next.top }
        if lastRules.contains(where: { ($0.y0 + $0.y1) / 2 > last.baseline + 0.3 * last.size && ($0.y0 + $0.y1) / 2 < below }) {
            paragraph.ruleAfter = true
        }
    }

    /// Drops the rules and margins of pages no paragraph still in play lies on.
    private mutating func forgetUnusedPages() {
        guard rules.count > 8 else { return }
        var inUse: Set<Int> = [latestPage]
        for line in [held?.paragraph.lines.first, held?.paragraph.lines.last, open.first?.line, open.last?.line] {
            if let line { inUse.insert(line.page) }
        }
        rules = rules.filter { inUse.contains($0.key) }
        wideRules = wideRules.filter { inUse.contains($0.key) }
        builder.metrics.leftEdge = builder.metrics.leftEdge.filter { inUse.contains($0.key) }
    }
}
