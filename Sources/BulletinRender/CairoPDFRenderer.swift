import BulletinLayout
import CCairo

/// Writes a display list as PDF through Cairo's PDF surface: the second PDF engine
/// (`render --pdf-engine cairo`).
///
/// `PDFRenderer` (our own writer) is the default because Cairo 1.16's PDF backend costs about
/// three times as much per issue — its CFF subsetter copies each whole 5–7 MB Fandol table per
/// document and deflates the font programs at full strength. Cairo's output is kept as a
/// reference an office can fall back on, and the tests hold both engines to the same text,
/// fonts and metadata. Fonts are embedded as subsets with ToUnicode (from each run's clusters);
/// output is reproducible (the creation date is the list's, never the clock).
public enum CairoPDFRenderer {
    public static func render(_ list: DisplayList) throws(RenderError) -> [UInt8] {
        guard let first = list.pages.first else { throw .emptyDocument }
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, closure, first.width, first.height)!
        defer { cairo_surface_destroy(surface) }
        try CairoPainter.check(cairo_surface_status(surface), "creating the PDF surface")
        setMetadata(list.metadata, surface: surface)
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        var painter = CairoPainter(list: list, context: context)
        painter.attachesText = true
        for (index, page) in list.pages.enumerated() {
            if index > 0 { cairo_pdf_surface_set_size(surface, page.width, page.height) }
            if let label = PageLabelRange.label(of: index, in: list.pageLabels) {
                cairo_pdf_surface_set_page_label(surface, label)
            }
            painter.paint(page)
            cairo_show_page(context)
        }
        addOutline(list.outline, surface: surface)
        try CairoPainter.check(cairo_status(context), "drawing")
        cairo_surface_finish(surface)
        try CairoPainter.check(cairo_surface_status(surface), "writing the PDF")
        return sink.bytes
    }

    private static func setMetadata(_ metadata: DocumentMetadata, surface: OpaquePointer) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title),
            (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject),
            (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate),
        ]
        for (key, value) in fields where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }

    /// Bookmarks: level-1 entries at the top, deeper ones under the last entry of the level above.
    private static func addOutline(_ outline: [OutlineEntry], surface: OpaquePointer) {
        var parents: [Int: Int32] = [0: 0]  // level → outline id (0 = CAIRO_PDF_OUTLINE_ROOT)
        for entry in outline {
            let parent = parents[entry.level - 1] ?? 0
            let target = "page=\(entry.page + 1) pos=[0 \(Int(entry.y.rounded()))]"
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target,
                                                   cairo_pdf_outline_flags_t(rawValue: 1)) // OPEN
            parents[entry.level] = id
        }
    }
}

/// Which writer makes the PDF.
public enum PDFEngine: String, Sendable, CaseIterable {
    /// Our own writer (`PDFRenderer`): the default, about three times faster.
    case native
    /// Cairo's PDF surface (`CairoPDFRenderer`).
    case cairo

    /// The PDF of `list` by this engine.
    public func render(_ list: DisplayList) throws(RenderError) -> [UInt8] {
        switch self {
        case .native: return try PDFRenderer.render(list)
        case .cairo: return try CairoPDFRenderer.render(list)
        }
    }
}
