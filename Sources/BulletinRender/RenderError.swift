import BulletinFonts

/// The BulletinRender module: draws a `DisplayList` and nothing else (no layout decisions).
///
/// - `PDFRenderer` — PDF by our own writer: fonts embedded and subset (one font object per font),
///   text copyable (ToUnicode maps, /ActualText where a glyph stands for two texts), Info,
///   outline and page labels;
/// - `PNGRenderer` — page images through Cairo's image surface (`CairoPainter`);
/// - `TraceRenderer` — a plain-text trace of the display list, for goldens.

/// A failure while drawing or writing a document.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    case cairo(status: String, while: String)
    case emptyDocument
    /// A font that cannot be embedded in the PDF.
    case font(FontError)
    /// zlib failed while compressing a PDF stream.
    case compression(String)
    /// The display list contradicts itself (a run names a font the font table lacks).
    case invalidDisplayList(String)

    public var description: String {
        switch self {
        case .cairo(let status, let action): return "Cairo failed while \(action): \(status)"
        case .emptyDocument: return "nothing to render: the display list has no pages"
        case .font(let error): return error.description
        case .compression(let reason): return "cannot compress the PDF: \(reason)"
        case .invalidDisplayList(let reason): return "invalid display list: \(reason)"
        }
    }
}
