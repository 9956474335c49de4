import BulletinPDFReader
import Dispatch

/// The BulletinExtract module: what a reader of PDF pages reads, recovered from the reader's page
/// content (`BulletinPDFReader.PageContent`: positioned glyphs and rules).
///
/// Steps, in the order `Extractor.extract` runs them:
/// 1. lines — glyphs grouped by baseline, ordered by x, fake bold counted once, spaces kept or
///    inferred (`LineBuilder`);
/// 2. furniture — page numbers, running heads, /Artifact content flagged (`FurnitureFilter`);
/// 3. paragraphs — lines joined by indentation, right edge, size and gaps, across page breaks too
///    (`ParagraphBuilder`);
/// 4. output — plain text (`TextWriter`), markdown (`MarkdownWriter`), JSON with the page lines
///    (`JSONWriter`), and an issue model when the pages are a bulletin (`IssueRecovery`).
public enum Extractor {
    /// Extracts pages already read.
    public static func extract(_ pages: [PageContent], options: ExtractOptions = ExtractOptions()) -> Extraction {
        var builder = Builder()
        for page in pages { builder.add(PageLines(page)) }
        return builder.finish(options: options)
    }

    /// Extracts a document read by our PDF reader: all pages, or the zero-based `pages` given (in the
    /// order given). The document's own warnings come first, then each page's.
    ///
    /// Pages are read and reduced to lines on all processors: the reader reads one page at a time
    /// (it serialises `page(_:)`), so while one thread reads the next page another builds the
    /// lines of the last — the extraction hides behind the reading. Only the lines of each page
    /// are kept: memory stays bounded by the pages in flight, not the file.
    public static func extract(_ document: PDFDocument, pages: [Int]? = nil,
                               options: ExtractOptions = ExtractOptions()) -> Extraction {
        let selected = pages ?? Array(0..<document.pageCount)
        let context = contextPages(for: selected, pageCount: document.pageCount)
        let indices = selected + context
        let slots = Slots<PageLines>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { k in
            slots.store(PageLines(document.page(indices[k])), at: k)
        }
        var builder = Builder()
        for reduced in slots.values() { builder.add(reduced) }
        var extraction = builder.finish(options: options, context: Set(context))
        extraction.warnings = document.warnings + extraction.warnings
        return extraction
    }

    /// Running heads are found by repetition, which one or two pages cannot show: a selection of
    /// fewer than three pages is read with up to two pages next to it, used only to find furniture.
    static func contextPages(for selected: [Int], pageCount: Int) -> [Int] {
        let chosen = Set(selected)
        guard chosen.count < 3, chosen.count < pageCount else { return [] }
        var context: [Int] = []
        for distance in 1..<pageCount {
            for candidate in chosen.sorted().flatMap({ [$0 + distance, $0 - distance] })
            where candidate >= 0 && candidate < pageCount && !chosen.contains(candidate) && !context.contains(candidate) {
                context.append(candidate)
                if context.count == 2 { return context }
            }
        }
        return context
    }

    /// Extracts page by page from a source of pages, keeping only the lines of each page: memory
    /// stays bounded by the largest page, not the file.
    public static func extract(pageIndices: [Int], options: ExtractOptions = ExtractOptions(),
                               page: (Int) throws -> PageContent) rethrows -> Extraction {
        var builder = Builder()
        for index in pageIndices { builder.add(PageLines(try page(index))) }
        return builder.finish(options: options)
    }

    /// A page reduced to what the extractor keeps: its lines (fonts numbered in the page's own
    /// table, so pages can be reduced in parallel), its horizontal rules and its warnings.
    struct PageLines: Sendable {
        var page: ExtractedPage
        var fonts: PageFonts
        var warnings: [PDFWarning]

        init(_ content: PageContent) {
            var fonts = PageFonts()
            let lines = LineBuilder.lines(of: content, fonts: &fonts)
            // Only horizontal rules matter for reading (masthead and 版记 rules, separators).
            let rules = content.rules.filter { abs($0.y1 - $0.y0) < 3 && abs($0.x1 - $0.x0) >= 3 }
            page = ExtractedPage(index: content.index, width: content.width, height: content.height, lines: lines,
                                 rules: rules)
            self.fonts = fonts
            warnings = content.warnings
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

    /// Accumulates pages as lines, then finds furniture and paragraphs over the whole document.
    struct Builder {
        var fonts = FontTable()
        var pages: [ExtractedPage] = []
        var warnings: [PDFWarning] = []

        /// Adds a reduced page, renumbering its fonts into the document's table.
        mutating func add(_ reduced: PageLines) {
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
            let builder = ParagraphBuilder(metrics: metrics, rules: rulesByPage, fonts: fonts.fonts)
            var paragraphs = builder.paragraphs(content)
            markRules(&paragraphs)
            for i in paragraphs.indices { align(&paragraphs[i], metrics: metrics) }
            if options.keepFurniture { paragraphs = interleaveFurniture(paragraphs) }
            return Extraction(pages: pages, paragraphs: paragraphs, fonts: fonts.fonts, warnings: warnings,
                              bodySize: metrics.bodySize)
        }

        /// Sets `ruleBefore`/`ruleAfter` where a wide horizontal rule separates a paragraph from the
        /// text above or below it on its page (the masthead rule, the 版记 rules).
        private func markRules(_ paragraphs: inout [TextParagraph]) {
            var byPage: [Int: [PDFRule]] = [:]
            for page in pages {
                byPage[page.index] = page.rules.filter { abs($0.x1 - $0.x0) >= page.width * 0.25 }
            }
            for i in paragraphs.indices {
                guard let first = paragraphs[i].lines.first, let rules = byPage[first.page], !rules.isEmpty else { continue }
                // The text just above: the previous paragraph's last line on this page, else the page top.
                var above = 0.0
                if i > 0, let last = paragraphs[i - 1].lines.last, last.page == first.page {
                    above = last.baseline + 0.3 * last.size
                }
                if rules.contains(where: { ($0.y0 + $0.y1) / 2 > above && ($0.y0 + $0.y1) / 2 < first.top }) {
                    paragraphs[i].ruleBefore = true
                }
                guard let last = paragraphs[i].lines.last, let lastRules = byPage[last.page] else { continue }
                var below = Double.infinity
                if i + 1 < paragraphs.count, let next = paragraphs[i + 1].lines.first, next.page == last.page {
                    below = next.top
                }
                if lastRules.contains(where: { ($0.y0 + $0.y1) / 2 > last.baseline + 0.3 * last.size
                                              && ($0.y0 + $0.y1) / 2 < below }) {
                    paragraphs[i].ruleAfter = true
                }
            }
        }

        /// Sets a paragraph's alignment and indent from its first line and the page's margins.
        private func align(_ paragraph: inout TextParagraph, metrics: PageMetrics) {
            guard let line = paragraph.lines.first else { return }
            let em = line.size
            let left = metrics.left(page: line.page)
            let right = metrics.rightEdge[PageMetrics.bucket(metrics.bodySize)] ?? line.end
            let leftSpace = line.start - left, rightSpace = right - line.end
            // Centring is judged on the glyph boxes: a producer that centres a line starting with
            // an opening mark keeps the mark's blank half inside.
            let leftBox = line.x0 - left
            paragraph.indent = leftSpace / em
            let single = paragraph.lines.count == 1
            // A body-size line indented 2 em that happens to end 2 em short is an indented line.
            if leftBox >= 1 * em && abs(leftBox - rightSpace) <= 1 * em
                && !(abs(leftBox - 2 * em) < 0.35 * em && abs(line.size - metrics.bodySize) < 0.1) {
                paragraph.alignment = .centered
            } else if rightSpace <= 0.8 * em && leftSpace > 3.5 * em && single {
                paragraph.alignment = .right
            } else if leftSpace >= 0.6 * em && leftSpace <= 3.5 * em {
                paragraph.alignment = .indented
            } else {
                paragraph.alignment = .left
            }
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
}

/// Choices for an extraction.
public struct ExtractOptions: Sendable, Equatable {
    /// Keep page numbers, running heads and /Artifact content (as paragraphs of their own).
    public var keepFurniture: Bool

    public init(keepFurniture: Bool = false) {
        self.keepFurniture = keepFurniture
    }
}
