import BulletinDiff
import BulletinFonts
import BulletinLayout
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// What a glyph stands for in the PDF: ToUnicode maps for the ordinary case, /ActualText spans
/// where one glyph shows two different texts or a cluster has several glyphs or none, and
/// synthetic bold as stroked text that still copies out once. pdftotext is the oracle.
final class PDFTextMappingTests: XCTestCase {
    private let song = try! Typesetting.fonts.face(named: "FandolSong-Regular.otf")

    private func glyph(_ character: Unicode.Scalar) -> UInt32 { song.glyph(for: character)! }

    /// A run of `glyphs` laid one em apart, with the given text and clusters.
    private func run(_ glyphs: [UInt32], text: String, clusters: [TextCluster], x: Double) -> GlyphRun {
        GlyphRun(font: 0, size: 20, color: .black, x: x, y: 100,
                 glyphs: glyphs.enumerated().map { PlacedGlyph(id: $1, x: Double($0) * 20, y: 0) },
                 text: text, clusters: clusters)
    }

    func testEveryClusterShapeCopiesOutExactly() throws {
        let runs: [(glyphs: [UInt32], text: String, clusters: [TextCluster])] = [
            ([glyph("文")], "文", [TextCluster(bytes: 3, glyphs: 1)]),
            // The same glyph for another character: the ToUnicode map already says 文.
            ([glyph("文")], "攵", [TextCluster(bytes: 3, glyphs: 1)]),
            // One glyph for two characters (a ligature): a two-character ToUnicode entry.
            ([glyph("明")], "明白", [TextCluster(bytes: 6, glyphs: 1)]),
            // Two glyphs for one character: /ActualText (the second glyph claims no text…
            ([glyph("创"), glyph("建")], "创", [TextCluster(bytes: 3, glyphs: 2)]),
            // …so alone, meaning 建, it is an ordinary glyph).
            ([glyph("建")], "建", [TextCluster(bytes: 3, glyphs: 1)]),
            // Text without a glyph joins the next cluster.
            ([glyph("工")], "新工", [TextCluster(bytes: 3, glyphs: 0), TextCluster(bytes: 3, glyphs: 1)]),
            ([glyph("工")], "工", [TextCluster(bytes: 3, glyphs: 1)]),
            // Text without a glyph at the end of a run joins the previous cluster.
            ([glyph("作")], "作业", [TextCluster(bytes: 3, glyphs: 1), TextCluster(bytes: 3, glyphs: 0)]),
        ]
        var items: [DisplayItem] = []
        var x = 72.0
        for r in runs {
            items.append(.glyphs(run(r.glyphs, text: r.text, clusters: r.clusters, x: x)))
            x += Double(r.glyphs.count) * 20
        }
        let list = DisplayList(pages: [DisplayPage(width: HandMadeLists.a4.width, height: HandMadeLists.a4.height,
                                                   items: items)],
                               fonts: [song], metadata: HandMadeLists.metadata(), outline: [])
        let pdf = try HandMadeLists.write(try PDFRenderer.render(list))
        let text = try Poppler.text(pdf).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(text, "文攵明白创建新工工作业")
        // Exactly the four clusters the ToUnicode map cannot express are spans: 攵, 创, 新工, 作业.
        let content = try QPDF.uncompressed(pdf)
        XCTAssertEqual(content.components(separatedBy: "/ActualText").count - 1, 4, content)
        XCTAssertTrue(try QPDF.check(pdf).clean)
    }

    func testSyntheticBoldIsStrokedAtOneTwentyFourthEmAndLooksBold() throws {
        let text = "文明创建工作奖惩机制"
        func render(bold: Bool) throws -> (path: String, ink: Int) {
            let list = DisplayList(
                pages: [DisplayPage(width: HandMadeLists.a4.width, height: HandMadeLists.a4.height, items: [
                    .glyphs(HandMadeLists.run(text, face: song, font: 0, x: 72, y: 100, size: 24, bold: bold)),
                    .glyphs(HandMadeLists.run(text, face: song, font: 0, x: 72, y: 140, size: 24)),
                ])],
                fonts: [song], metadata: HandMadeLists.metadata(), outline: [])
            let path = try HandMadeLists.write(try PDFRenderer.render(list))
            let image = try RasterImage(png: try HandMadeLists.poppler(path, dpi: 150).bytes)
            let ink = stride(from: 0, to: image.pixels.count, by: 3).filter { image.pixels[$0] < 128 }.count
            return (path, ink)
        }
        let regular = try render(bold: false), bold = try render(bold: true)
        // Two lines, one of them bold: that line's extra ink shows in the page total.
        XCTAssertGreaterThan(Double(bold.ink), Double(regular.ink) * 1.08, "stroked outlines add ink")
        let content = try QPDF.uncompressed(bold.path)
        XCTAssertTrue(content.contains("1 w\n"), "line width 24/24 = 1 pt")
        XCTAssertTrue(content.contains("2 Tr\n"), "fill and stroke")
        XCTAssertTrue(content.contains("0 Tr\n"), "back to fill for the regular line")
        XCTAssertFalse(try QPDF.uncompressed(regular.path).contains(" Tr\n"), "no rendering mode without bold")
        XCTAssertEqual(try Poppler.text(bold.path).trimmingCharacters(in: .whitespacesAndNewlines), text + "\n" + text)
        // One font object for regular and bold.
        XCTAssertEqual(try Poppler.fonts(bold.path).count, 1)
    }
}
