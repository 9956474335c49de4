import BulletinPDFReader
import Dispatch

/// The BulletinExtract module: what a reader of PDF pages reads, recovered from the reader's page
/// content (`BulletinPDFReader.PageContent`: positioned glyphs and rules).
///
/// Steps, in the order `Extractor.extract` runs them:
/// 0. orientation — a page whose text runs down, up or upside down is turned upright
///    (`PageOrientation`);
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
        var builder = DocumentBuilder()
        for page in pages { builder.add(PageLines(page, options: options)) }
        return builder.finish(options: options)
    }

    /// Extracts a document read by our PDF reader: all pages, or the zero-based `pages` given (in the
    /// order given). The document's own warnings come first, then each page's.
    ///
    /// Pages are read and reduced to lines on all processors (the reader reads pages in parallel,
    /// one set of caches per thread). Only the lines of each page are kept: memory stays bounded
    /// by the pages in flight, not the file.
    public static func extract(_ document: PDFDocument, pages: [Int]? = nil,
                               options: ExtractOptions = ExtractOptions()) -> Extraction {
        let selected = pages ?? Array(0..<document.pageCount)
        let context = contextPages(for: selected, pageCount: document.pageCount)
        let indices = selected + context
        let slots = Slots<PageLines>(count: indices.count)
        DispatchQueue.concurrentPerform(iterations: indices.count) { k in
            slots.store(PageLines(document.page(indices[k]), options: options), at: k)
        }
        var builder = DocumentBuilder()
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
}

/// Choices for an extraction.
public struct ExtractOptions: Sendable, Equatable {
    /// Keep page numbers, running heads and /Artifact content (as paragraphs of their own).
    public var keepFurniture: Bool
    /// Record where each character's glyph starts (`TextLine.characters`).
    public var characterPositions: Bool

    public init(keepFurniture: Bool = false, characterPositions: Bool = false) {
        self.keepFurniture = keepFurniture
        self.characterPositions = characterPositions
    }
}
