import BulletinLayout

/// A plain-text trace of a display list: one line per page, glyph run and rule, numbers rounded to
/// 0.01 pt. The most stable golden layer: it changes only when layout changes, not when a
/// rasterizer or PDF writer does (SILE keeps such `.expected` files).
public enum TraceRenderer {
    public static func render(_ list: DisplayList) -> String {
        var out = "document title=\(list.metadata.title) author=\(list.metadata.author) date=\(list.metadata.creationDate)\n"
        for entry in list.outline {
            out += "outline level=\(entry.level) page=\(entry.page + 1) y=\(n(entry.y)) \(entry.title)\n"
        }
        for (index, page) in list.pages.enumerated() {
            out += "page \(index + 1) \(n(page.width))x\(n(page.height))\n"
            for item in page.items {
                switch item {
                case .glyphs(let run):
                    let font = list.fonts[run.font].postScriptName
                    let end = run.glyphs.last.map { n($0.x) } ?? "0"
                    out += "  text \(font) \(n(run.size)) \(run.color.hex)\(run.syntheticBold ? " bold" : "") "
                        + "x=\(n(run.x)) y=\(n(run.y)) last=\(end) glyphs=\(run.glyphs.count) \(run.text)\n"
                case .rule(let rule):
                    out += "  rule x=\(n(rule.x)) y=\(n(rule.y)) w=\(n(rule.width)) t=\(n(rule.thickness)) \(rule.color.hex)\n"
                }
            }
        }
        return out
    }

    /// Rounded to 0.01 without a trailing zero mess: `12.5`, `300`, `-0.21`.
    static func n(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
