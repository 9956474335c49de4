import BulletinPDFReader

/// Accumulates pages as lines, then finds furniture and paragraphs over the whole document.
struct DocumentBuilder {
    var fonts = FontTable()
    var pages: [ExtractedPage] = []
    var warnings: [PDFWarning] = []

    /// Adds a reduced page, renumbering its fonts into the document's table.
    mutating func add(_ reduced: Extractor.PageLines) {
        let local = reduced.fonts
        let map = local.names.indices.map { fonts.id(name: local.names[$0], bold: local.bold[$0], italic: local.italic[$0]) }
        // What a font says of itself (bold weight, synthetic bold, italic) applies to its spans.
        let bold = map.map { fonts[$0].isBold || fonts[$0].isSyntheticBold }
        let italic = map.map { fonts[$0].isItalic }
        var page = reduced.page
        for l in page.lines.indices {
            page.lines[l].firstFont = map[page.lines[l].firstFont]
            page.lines[l].lastFont = map[page.lines[l].lastFont]
            for s in page.lines[l].spans.indices {
                let font = page.lines[l].spans[s].font
                page.lines[l].spans[s].font = map[font]
                if bold[font] { page.lines[l].spans[s].bold = true }
                if italic[font] { page.lines[l].spans[s].italic = true }
            }
        }
        pages.append(page)
        warnings += reduced.warnings
    }

    /// Finds furniture on all pages, then drops the `context` pages (read only for that) and
    /// builds the paragraphs of the rest.
    mutating func finish(options: ExtractOptions, context: Set<Int> = []) -> Extraction {
        FurnitureFilter.mark(&pages, bodySize: PageMetrics.bodySize(pages))
        if !context.isEmpty {
            pages.removeAll { context.contains($0.index) }
            warnings.removeAll { $0.page.map(context.contains) ?? false }
        }
        let metrics = PageMetrics(pages: pages)
        var rulesByPage: [Int: [PDFRule]] = [:]
        for page in pages { rulesByPage[page.index] = page.rules }
        let content = pages.flatMap { $0.lines.filter { $0.furniture == nil } }
        let builder = ParagraphBuilder(metrics: metrics, rules: rulesByPage)
        var paragraphs = builder.paragraphs(content)
        ParagraphPlacement.markRules(&paragraphs, pages: pages)
        for i in paragraphs.indices { ParagraphPlacement.align(&paragraphs[i], metrics: metrics) }
        if options.keepFurniture { paragraphs = interleaveFurniture(paragraphs) }
        return Extraction(pages: pages, paragraphs: paragraphs, fonts: fonts.fonts, warnings: warnings,
                          bodySize: metrics.bodySize)
    }

    /// Puts kept furniture lines back among the paragraphs: a page's top furniture before the
    /// first paragraph that starts on that page, its bottom furniture after the page's text.
    private func interleaveFurniture(_ paragraphs: [TextParagraph]) -> [TextParagraph] {
        var pending: [(page: Int, top: Bool, line: TextLine)] = []
        for page in pages {
            let content = page.lines.filter { $0.furniture == nil }
            let firstContent = content.first?.baseline ?? page.height
            for line in page.lines where line.furniture != nil {
                pending.append((page.index, line.baseline < firstContent, line))
            }
        }
        var result: [TextParagraph] = []
        var next = 0
        func flush(upTo page: Int, includingTopOf topPage: Int?) {
            while next < pending.count,
                  pending[next].page < page || (pending[next].page == topPage && pending[next].top) {
                result.append(ParagraphBuilder.paragraph([pending[next].line]))
                next += 1
            }
        }
        for paragraph in paragraphs {
            flush(upTo: paragraph.firstPage, includingTopOf: paragraph.firstPage)
            result.append(paragraph)
        }
        flush(upTo: Int.max, includingTopOf: nil)
        return result
    }
}
