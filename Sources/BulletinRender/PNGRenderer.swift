import BulletinLayout
import CCairo

/// Draws each page of a display list into a PNG at a given resolution, on white.
public enum PNGRenderer {
    /// PNG bytes of every page; `dpi` 72 draws one pixel per point.
    public static func render(_ list: DisplayList, dpi: Double = 150) throws(RenderError) -> [[UInt8]] {
        guard !list.pages.isEmpty else { throw .emptyDocument }
        return try list.pages.indices.map { (index: Int) throws(RenderError) -> [UInt8] in
            try render(list, page: index, dpi: dpi)
        }
    }

    /// PNG bytes of one page.
    public static func render(_ list: DisplayList, page index: Int, dpi: Double) throws(RenderError) -> [UInt8] {
        let page = list.pages[index]
        let scale = dpi / 72
        let width = Int32((page.width * scale).rounded()), height = Int32((page.height * scale).rounded())
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)!
        defer { cairo_surface_destroy(surface) }
        try CairoPainter.check(cairo_surface_status(surface), "creating a \(width)×\(height) image")
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        CairoPainter(list: list, context: context).paint(page)
        try CairoPainter.check(cairo_status(context), "drawing page \(index + 1)")
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write,
                                                       Unmanaged.passUnretained(sink).toOpaque())
        try CairoPainter.check(status, "encoding page \(index + 1) as PNG")
        return sink.bytes
    }
}
