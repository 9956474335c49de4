import BulletinFonts
import BulletinLayout
import CCairo

/// Draws display-list pages onto a Cairo context, for the PNG renderer. (The PDF writer draws the
/// same display list with the same geometry; tests compare the two renderings.)
struct CairoPainter {
    let list: DisplayList
    let context: OpaquePointer

    /// Unhinted outlines and unrounded metrics: positions come from the display list, and
    /// skipping the CFF hinter makes Cairo's glyph loading several times cheaper.
    nonisolated(unsafe) static let fontOptions: OpaquePointer = {
        let options = cairo_font_options_create()!
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        return options
    }()

    func paint(_ page: DisplayPage) {
        cairo_set_font_options(context, CairoPainter.fontOptions)
        var glyphBuffer: [cairo_glyph_t] = []
        for item in page.items {
            switch item {
            case .rule(let rule):
                setColor(rule.color)
                cairo_rectangle(context, rule.x, rule.y - rule.thickness / 2, rule.width, rule.thickness)
                cairo_fill(context)
            case .glyphs(let run):
                guard !run.glyphs.isEmpty else { continue }
                setColor(run.color)
                cairo_set_font_face(context, CairoFontFaces.shared.face(for: list.fonts[run.font], syntheticBold: run.syntheticBold))
                cairo_set_font_size(context, run.size)
                glyphBuffer.removeAll(keepingCapacity: true)
                for g in run.glyphs {
                    glyphBuffer.append(cairo_glyph_t(index: UInt(g.id), x: run.x + g.x, y: run.y + g.y))
                }
                // Pixels only: an image has no text to attach the run's clusters to.
                cairo_show_glyphs(context, glyphBuffer, Int32(glyphBuffer.count))
            }
        }
    }

    private func setColor(_ color: RGBColor) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
    }

    /// Cairo's status as an error, if any.
    static func check(_ status: cairo_status_t, _ action: String) throws(RenderError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(status: String(cString: cairo_status_to_string(status)), while: action)
        }
    }
}
