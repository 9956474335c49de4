import BulletinPDFReader

/// Runs the two passes of an extraction over pages reduced to lines (`Extractor.PageLines`).
///
/// 1. `summarise` every page, context pages too: fonts numbered for the document, furniture
///    candidates and body-text tallies counted (`DocumentStatistics`). A page is kept for pass 2
///    while the kept pages stay within `retainBudget` bytes; the others are dropped and read again.
/// 2. `decide`, then `build` the selected pages in order: running heads flagged, fonts renumbered,
///    paragraphs handed out as they complete (`ParagraphStream`).
///
/// Memory is therefore the budget plus the pages in flight, however long the document.
struct DocumentBuilder {
    private(set) var fonts = FontTable()
    private(set) var warnings: [PDFWarning] = []
    private var statistics = DocumentStatistics()
    private var kept: [Int: Extractor.PageLines] = [:]
    private var keptBytes = 0
    private let retainBudget: Int
    private let options: ExtractOptions
    private var furniture: FurnitureFilter.Decision?
    private var stream: ParagraphStream?
    /// Visible characters per size bucket and document font id, over the selected pages' content
    /// lines: what picks the body text's font once the body size is known.
    private var fontCharacters: [DocumentProfile.SizeAndFont: Int] = [:]

    init(options: ExtractOptions, retainBudget: Int = .max) {
        self.options = options
        self.retainBudget = retainBudget
    }

    /// Pass 1 for the page at `position` in reading order. A `context` page only helps find running
    /// heads: it is not extracted, and its warnings are not the document's.
    mutating func summarise(_ reduced: Extractor.PageLines, position: Int, context: Bool) {
        let ids = documentIDs(reduced.fonts)
        statistics.add(reduced.page.lines, candidates: reduced.candidates, context: context)
        guard !context else { return }
        warnings += reduced.warnings
        tallyFonts(reduced.page.lines, ids: ids)
        if keptBytes + reduced.footprint <= retainBudget {
            kept[position] = reduced
            keptBytes += reduced.footprint
        }
    }

    /// Whether pass 2 needs the page at `position` read again.
    func needsRereading(_ position: Int) -> Bool { kept[position] == nil }

    /// Settles running heads and body metrics from the tallies: call between the passes. Returns
    /// what the paragraphs' classification needs to know of the whole document.
    mutating func decide() -> DocumentProfile {
        let (decision, metrics) = statistics.resolve()
        furniture = decision
        stream = ParagraphStream(metrics: metrics, keepFurniture: options.keepFurniture)
        return profile
    }

    /// The document as decided (call after `decide`).
    var profile: DocumentProfile {
        let bodySize = stream!.metrics.bodySize
        return DocumentProfile(fonts: fonts.fonts, bodySize: bodySize,
                               bodyFont: DocumentProfile.bodyFont(fontCharacters, bodySize: bodySize))
    }

    /// Counts each content line's characters by size and font (`ids`: the page's font ids in the
    /// document's table).
    private mutating func tallyFonts(_ lines: [TextLine], ids: [Int]) {
        for line in lines where line.furniture == nil {
            let bucket = PageMetrics.bucket(line.size)
            if line.singleFont {  // most lines: counted whole
                fontCharacters[.init(bucket: bucket, font: ids[line.firstFont]), default: 0] += line.characterCount
                continue
            }
            for span in line.spans {
                let visible = span.text.unicodeScalars.reduce(0) { $0 + (CharacterKind($1) == .space ? 0 : 1) }
                fontCharacters[.init(bucket: bucket, font: ids[span.font]), default: 0] += visible
            }
        }
    }

    /// The document's id of each of a page's fonts, registering the fonts not seen before.
    private mutating func documentIDs(_ local: PageFonts) -> [Int] {
        local.names.indices.map { fonts.id(name: local.names[$0], bold: local.bold[$0], italic: local.italic[$0]) }
    }

    /// Pass 2 for the page at `position` (`reread` when it was not kept): returns the page as
    /// extracted; `emit` receives the paragraphs it completes.
    mutating func build(position: Int, reread: Extractor.PageLines?, emit: (TextParagraph) -> Void) -> ExtractedPage {
        guard let reduced = kept.removeValue(forKey: position) ?? reread, let furniture else {
            preconditionFailure("page \(position) built before being summarised and decided")
        }
        var page = renumbered(reduced)
        furniture.apply(to: &page.lines, candidates: reduced.candidates)
        stream!.add(page, emit: emit)
        return page
    }

    /// Hands out the last paragraphs; returns what is known of the whole document.
    mutating func finish(emit: (TextParagraph) -> Void) -> ExtractionSummary {
        stream!.finish(emit: emit)
        return ExtractionSummary(profile: profile, warnings: warnings)
    }

    /// The page with its fonts numbered in the document's table; what a font says of itself (bold
    /// weight, synthetic bold, italic) applied to its spans.
    private mutating func renumbered(_ reduced: Extractor.PageLines) -> ExtractedPage {
        let map = documentIDs(reduced.fonts)
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
        return page
    }
}
