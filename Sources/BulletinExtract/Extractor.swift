import BulletinPDFReader
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The BulletinExtract module: what a reader of PDF pages reads, recovered from the reader's page
/// content (`BulletinPDFReader.PageContent`: positioned glyphs and rules).
///
/// Steps, in the order `Extractor.extract` and `Extractor.stream` run them:
/// 0. orientation — a page whose text runs down, up or upside down is turned upright
///    (`PageOrientation`);
/// 1. lines — glyphs grouped by baseline, ordered by x, fake bold counted once, spaces kept or
///    inferred (`LineBuilder`); page numbers flagged, /Artifact content too (`FurnitureFilter`);
/// 2. first pass over all pages — running-head candidates and body-text metrics tallied
///    (`DocumentStatistics`), then decided for the whole document (`DocumentBuilder`);
/// 3. second pass — running heads flagged, paragraphs built from lines joined by indentation,
///    right edge, size and gaps, across page breaks too, handed out as each completes
///    (`ParagraphStream`, `ParagraphBuilder`);
/// 4. output — plain text (`TextWriter`), markdown (`MarkdownWriter`), JSON with the page lines
///    (`JSONWriter`), and an issue model when the pages are a bulletin (`IssueRecovery`).
public enum Extractor {
    /// Extracts pages already read.
    public static func extract(_ pages: [PageContent], options: ExtractOptions = ExtractOptions()) -> Extraction {
        collect(options: options) { page, paragraph in
            run(positions: PagePositions(allOf: pages.count), options: options, retainBudget: .max,
                read: { PageLines(pages[$0], options: options) }, page: page, paragraph: paragraph)
        }
    }

    /// Extracts a document read by our PDF reader: all pages, or the zero-based `pages` given (in the
    /// order given). The document's own warnings come first, then each page's.
    ///
    /// Pages are read and reduced to lines on all processors (the reader reads pages in parallel,
    /// one set of caches per thread); the result holds every page's lines.
    public static func extract(_ document: PDFDocument, pages: [Int]? = nil,
                               options: ExtractOptions = ExtractOptions()) -> Extraction {
        collect(options: options) { page, paragraph in
            stream(document, pages: pages, options: options, retainBudget: .max, page: page, paragraph: paragraph)
        }
    }

    /// `stream` with the paragraphs classified as they come (`ClassifierStream`): what markdown,
    /// JSON and the recovered issue are written from, without holding the document.
    ///
    /// `page` receives each page as it is extracted, with the document's font table its font ids
    /// index (complete once the first pass is over): JSON writes the pages out as they come.
    public static func classified(_ document: PDFDocument, pages: [Int]? = nil, options: ExtractOptions = ExtractOptions(),
                                  retainBudget: Int = defaultRetainBudget,
                                  page: (ExtractedPage, _ fonts: [FontInfo]) -> Void = { _, _ in },
                                  block: (ClassifierStream.Output) -> Void) -> ExtractionSummary {
        var classifier: ClassifierStream?
        var fonts: [FontInfo] = []
        let summary = stream(document, pages: pages, options: options, retainBudget: retainBudget,
                             decided: { classifier = ClassifierStream(profile: $0); fonts = $0.fonts },
                             page: { page($0, fonts) }, paragraph: { classifier!.add($0, emit: block) })
        classifier?.finish(emit: block)
        return summary
    }

    /// Extracts a document paragraph by paragraph, in reading order, without holding the whole
    /// document: pages are read in two passes (first for furniture and body metrics, then for
    /// paragraphs). Pages whose lines fit in `retainBudget` bytes are kept between the passes, the
    /// rest read again, so memory stays near the budget plus a few pages, however long the file.
    /// The paragraphs are those `extract` gives, in the same order. `decided` is called once,
    /// between the passes, with what is known of the whole document: the font table (what the
    /// font ids of the pages and paragraphs handed out index), body size and font.
    public static func stream(_ document: PDFDocument, pages: [Int]? = nil, options: ExtractOptions = ExtractOptions(),
                              retainBudget: Int = defaultRetainBudget,
                              decided: (DocumentProfile) -> Void = { _ in },
                              page: (ExtractedPage) -> Void = { _ in },
                              paragraph: (TextParagraph) -> Void) -> ExtractionSummary {
        var positions = PagePositions(allOf: document.pageCount)
        if let pages {
            positions = PagePositions(selected: pages, context: contextPages(for: pages, pageCount: document.pageCount))
        }
        var summary = run(positions: positions, options: options,
                          retainBudget: retainBudget, read: { PageLines(document.page($0), options: options) },
                          decided: decided, page: page, paragraph: paragraph)
        summary.warnings = document.warnings + summary.warnings
        return summary
    }

    /// Bytes of page lines `stream` keeps between its passes by default: a few hundred pages of
    /// text, so ordinary documents are read once.
    public static let defaultRetainBudget = 8 << 20

    /// Runs both passes over the pages `positions` (the context pages only help find running
    /// heads), reading a window of pages at a time on all processors.
    static func run(positions indices: PagePositions, options: ExtractOptions, retainBudget: Int,
                            read: @escaping @Sendable (Int) -> PageLines, decided: (DocumentProfile) -> Void = { _ in },
                            page: (ExtractedPage) -> Void, paragraph: (TextParagraph) -> Void) -> ExtractionSummary {
        var builder = DocumentBuilder(options: options, retainBudget: retainBudget)
        let selectedCount = indices.selectedCount
        // Pages read at once: enough to keep every processor busy, few enough to bound memory.
        let window = retainBudget == .max ? max(1, indices.count) : 8 * max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        for positions in windows(count: indices.count, size: window) {
            for (position, reduced) in zip(positions, readAll(positions.map { indices[$0] }, read: read)) {
                builder.summarise(reduced, position: position, context: position >= selectedCount)
            }
        }
        decided(builder.decide())
        for positions in windows(count: selectedCount, size: window) {
            let missing = positions.filter(builder.needsRereading)
            var reread = Dictionary(uniqueKeysWithValues: zip(missing, readAll(missing.map { indices[$0] }, read: read)))
            for position in positions {
                let built = builder.build(position: position, reread: reread.removeValue(forKey: position), emit: paragraph)
                page(built)
            }
        }
        return builder.finish(emit: paragraph)
    }

    /// Reads pages on all processors, results in the order given.
    private static func readAll(_ pages: [Int], read: @escaping @Sendable (Int) -> PageLines) -> [PageLines] {
        guard !pages.isEmpty else { return [] }
        let slots = Slots<PageLines>(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { k in slots.store(read(pages[k]), at: k) }
        return slots.values()
    }

    /// Positions `0 ..< count` in runs of `size`, made as they are needed.
    private static func windows(count: Int, size: Int) -> LazyMapSequence<StrideTo<Int>, Range<Int>> {
        stride(from: 0, to: count, by: size).lazy.map { $0..<min($0 + size, count) }
    }

    /// Gathers a run's pages and paragraphs into an `Extraction`.
    private static func collect(options: ExtractOptions,
                                _ body: (_ page: (ExtractedPage) -> Void, _ paragraph: (TextParagraph) -> Void) -> ExtractionSummary) -> Extraction {
        var pages: [ExtractedPage] = []
        var paragraphs: [TextParagraph] = []
        let summary = body({ pages.append($0) }, { paragraphs.append($0) })
        return Extraction(pages: pages, paragraphs: paragraphs, fonts: summary.fonts, warnings: summary.warnings,
                          bodySize: summary.bodySize, bodyFont: summary.profile.bodyFont)
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
}

/// The pages a run reads, by position: the selected pages (all of the document's, in order, unless
/// a list is given), then the context pages that only help find running heads. Every page of a
/// 100,000-page document is a position without an array of them.
struct PagePositions {
    /// nil: pages `0 ..< selectedCount` in order.
    private let selected: [Int]?
    let selectedCount: Int
    private let context: [Int]

    init(allOf pageCount: Int) {
        selected = nil
        selectedCount = pageCount
        context = []
    }

    init(selected: [Int], context: [Int] = []) {
        self.selected = selected
        selectedCount = selected.count
        self.context = context
    }

    var count: Int { selectedCount + context.count }

    /// The page index at `position`.
    subscript(position: Int) -> Int {
        position < selectedCount ? selected?[position] ?? position : context[position - selectedCount]
    }
}

/// Choices for an extraction.
public struct ExtractOptions: Sendable, Equatable {
    /// Keep page numbers, running heads, /Artifact content and rotated text (watermarks, stamps),
    /// as paragraphs of their own.
    public var keepFurniture: Bool
    /// Record where each character's glyph starts (`TextLine.characters`).
    public var characterPositions: Bool

    public init(keepFurniture: Bool = false, characterPositions: Bool = false) {
        self.keepFurniture = keepFurniture
        self.characterPositions = characterPositions
    }
}
