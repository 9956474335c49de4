import BulletinLayout
import BulletinPDFReader

/// Our typesetter's display list seen as the PDF reader would report the PDF drawn from it: every
/// cluster a glyph with its text, advance, font and colour; rules as rules. Lets the extractor be
/// tested on every sample exactly, independent of the reader.
///
/// Fonts are named as the PDF names them (PostScript names); a run drawn with synthetic bold is
/// filled and stroked with a 1/24 em pen (rendering mode 2), as our own PDF writer draws it.
enum DisplayListPages {
    static func pages(_ list: DisplayList) -> [PageContent] {
        list.pages.enumerated().map { index, page in
            var glyphs: [PDFGlyph] = []
            var rules: [PDFRule] = []
            for item in page.items {
                switch item {
                case .glyphs(let run):
                    glyphs += self.glyphs(run, fonts: list)
                case .rule(let rule):
                    rules.append(PDFRule(x0: rule.x, y0: rule.y, x1: rule.x + rule.width, y1: rule.y,
                                         thickness: rule.thickness,
                                         color: PDFColor(red: rule.color.red, green: rule.color.green, blue: rule.color.blue)))
                }
            }
            return PageContent(index: index, width: page.width, height: page.height, glyphs: glyphs, rules: rules)
        }
    }

    private static func glyphs(_ run: GlyphRun, fonts list: DisplayList) -> [PDFGlyph] {
        let face = list.fonts[run.font]
        let name = face.postScriptName
        let color = PDFColor(red: run.color.red, green: run.color.green, blue: run.color.blue)
        let bytes = Array(run.text.utf8)
        var result: [PDFGlyph] = []
        var byte = 0
        var glyph = 0
        for cluster in run.clusters {
            let text = String(decoding: bytes[byte..<byte + cluster.bytes], as: UTF8.self)
            if cluster.glyphs > 0 {
                let placed = run.glyphs[glyph]
                var advance = 0.0
                for g in run.glyphs[glyph..<glyph + cluster.glyphs] { advance += face.advance(of: g.id) * run.size }
                result.append(PDFGlyph(text: text, x: run.x + placed.x, baseline: run.y + placed.y, width: advance,
                                       size: run.size, font: name, fontIsBold: name.contains("Bold"),
                                       renderingMode: run.syntheticBold ? 2 : 0,
                                       strokeWidth: run.syntheticBold ? run.size / 24 : 0, color: color))
            }
            byte += cluster.bytes
            glyph += cluster.glyphs
        }
        return result
    }
}
