/// The BulletinRender module: draws a `DisplayList` and nothing else (no layout decisions).
///
/// - `PDFRenderer` — PDF through Cairo: fonts embedded and subset (one font object per face),
///   text copyable (`cairo_show_text_glyphs` with the run's clusters), metadata and outline;
/// - `PNGRenderer` — page images through Cairo's image surface, from the same painter;
/// - `TraceRenderer` — a plain-text trace of the display list, for goldens.

/// A failure reported by Cairo while drawing or writing.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    case cairo(status: String, while: String)
    case emptyDocument

    public var description: String {
        switch self {
        case .cairo(let status, let action): return "Cairo failed while \(action): \(status)"
        case .emptyDocument: return "nothing to render: the display list has no pages"
        }
    }
}
