@testable import BulletinExtract
import BulletinPDFReader
import Foundation

/// Hand-made page content for unit tests: glyphs laid out one by one, Chinese characters one em
/// wide, ASCII half an em, as a simple typesetter would.
struct SyntheticPage {
    var index: Int
    var width = 595.0
    var height = 842.0
    var glyphs: [PDFGlyph] = []
    var rules: [PDFRule] = []

    init(_ index: Int) { self.index = index }

    /// Advance of one character at `size`.
    static func advance(_ c: Character, size: Double) -> Double {
        c.isASCII ? size / 2 : size
    }

    /// Places `text` from `x` on `baseline`, each character a glyph, `tracking` extra points after
    /// each; returns the x after the last glyph.
    @discardableResult
    mutating func text(_ text: String, x: Double, baseline: Double, size: Double = 16,
                       font: String = "FandolFang-Regular", tracking: Double = 0, color: PDFColor = .black,
                       bold: Bool = false, artifact: Bool = false, renderingMode: Int = 0,
                       strokeWidth: Double = 0) -> Double {
        var x = x
        for c in text {
            let width = Self.advance(c, size: size)
            glyphs.append(PDFGlyph(text: String(c), x: x, baseline: baseline, width: width, size: size, font: font,
                                   fontIsBold: bold, renderingMode: renderingMode, strokeWidth: strokeWidth,
                                   color: color, isArtifact: artifact))
            x += width + tracking
        }
        return x
    }

    /// Places `text` running at `angle` (degrees clockwise from left-to-right, page space y down)
    /// from the origin `start`, as the reader reports such glyphs: `x` the left end of the advance's
    /// projection on the axis it mostly runs along, `width` that projection, `baseline` the origin's y.
    mutating func rotatedText(_ text: String, from start: (x: Double, y: Double), angle: Double, size: Double = 40,
                              color: PDFColor = .black) {
        let radians = angle * .pi / 180
        let u = (x: cos(radians), y: sin(radians))
        var along = 0.0
        for c in text {
            let advance = Self.advance(c, size: size)
            let origin = (x: start.x + along * u.x, y: start.y + along * u.y)
            let end = (x: origin.x + advance * u.x, y: origin.y + advance * u.y)
            let mostlyAcross = abs(end.x - origin.x) >= abs(end.y - origin.y)
            glyphs.append(PDFGlyph(text: String(c), x: mostlyAcross ? min(origin.x, end.x) : origin.x, baseline: origin.y,
                                   width: mostlyAcross ? abs(end.x - origin.x) : abs(end.y - origin.y), size: size,
                                   font: "FandolSong-Regular", color: color, angle: angle))
            along += advance
        }
    }

    var content: PageContent {
        PageContent(index: index, width: width, height: height, glyphs: glyphs, rules: rules)
    }

    /// `text` as one paragraph of a page, given `role` (no emphasis): a block for the issue recovery.
    static func classified(_ text: String, _ role: BlockRole) -> ClassifiedParagraph {
        var page = SyntheticPage(0)
        page.text(text, x: 80, baseline: 100)
        let paragraph = Extractor.extract([page.content]).paragraphs[0]
        return ClassifiedParagraph(paragraph: paragraph, role: role, emphasis: paragraph.spans.map { _ in false })
    }
}

/// A body of Chinese text set in lines of `perLine` characters from `left`, first line indented two
/// characters, `pitch` apart: the lines a justified paragraph makes.
enum BodyText {
    static let source = Array("首都文明委自二〇二〇年起建立重点工作项目台账制度每年年初由各成员单位围绕文明委重点任务确定工作项目汇总形成工作台账")

    /// `count` characters of filler text (no punctuation) starting at `offset` in the source.
    static func characters(_ count: Int, offset: Int = 0) -> String {
        String((0..<count).map { source[($0 + offset) % source.count] })
    }

    /// Sets a paragraph of `count` characters; returns the baseline after its last line.
    @discardableResult
    static func paragraph(_ count: Int, on page: inout SyntheticPage, baseline: Double, indent: Bool = true,
                          left: Double = 80, perLine: Int = 28, size: Double = 16, pitch: Double = 29,
                          offset: Int = 0, ending: String = "。") -> Double {
        let text = Array(characters(count - 1, offset: offset) + ending)
        var y = baseline
        var i = 0
        var first = true
        while i < text.count {
            let room = first && indent ? perLine - 2 : perLine
            let line = String(text[i..<min(text.count, i + room)])
            page.text(line, x: left + (first && indent ? 2 * size : 0), baseline: y, size: size)
            i += room
            y += pitch
            first = false
        }
        return y
    }
}
