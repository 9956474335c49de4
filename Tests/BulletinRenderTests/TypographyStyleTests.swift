import BulletinDiff
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Layout options that change the printed page: punctuation width styles, proportional mode,
/// synthetic bold.
final class TypographyStyleTests: XCTestCase {
    private func typesetter(_ change: (inout LayoutSpec) -> Void) throws -> Typesetter {
        var spec = try Typesetting.typesetter().spec
        change(&spec)
        return try Typesetter(spec: spec, fonts: Typesetting.fonts)
    }

    /// x of each character of the first body line containing `text`.
    private func positions(_ list: DisplayList, line containing: String) -> [(Character, Double)] {
        for page in list.pages {
            for case .glyphs(let run) in page.items where run.text.contains(containing) {
                var result: [(Character, Double)] = []
                var glyph = 0
                var bytes = Array(run.text.utf8)[...]
                for cluster in run.clusters {
                    let text = String(decoding: bytes.prefix(cluster.bytes), as: UTF8.self)
                    bytes = bytes.dropFirst(cluster.bytes)
                    if let c = text.first, cluster.glyphs > 0 { result.append((c, run.x + run.glyphs[glyph].x)) }
                    glyph += cluster.glyphs
                }
                return result
            }
        }
        return []
    }

    /// Advance (in cells) from `。` to the character after `”` in `文。”文`.
    private func pairWidth(punctuation: String) throws -> Double {
        let t = try typesetter { $0.typography.punctuation = punctuation }
        let text = "文明创建工作。”再看，“七带头”活动开展。"
        let list = t.layout(Typesetting.issue([Article(blocks: [.paragraph(Paragraph(text))])])).value
        let p = positions(list, line: "工作。”再看")
        guard let stop = p.firstIndex(where: { $0.0 == "。" }), stop + 2 < p.count else { return -1 }
        return (p[stop + 2].1 - p[stop].1) / (156.0 * 72 / 25.4 / 28)
    }

    func testPunctuationWidthStyles() throws {
        // 全角: `。”` takes 1.5 em (clreq); none: 2 em; 半角: 1 em; 开明: 。 full, then ” half = 1.5… the
        // pair still compresses, but a `，` alone keeps half.
        XCTAssertEqual(try pairWidth(punctuation: "quanjiao"), 1.5, accuracy: 0.05)
        XCTAssertEqual(try pairWidth(punctuation: "none"), 2.0, accuracy: 0.05)
        XCTAssertEqual(try pairWidth(punctuation: "banjiao"), 1.0, accuracy: 0.05)
        XCTAssertEqual(try pairWidth(punctuation: "kaiming"), 1.5, accuracy: 0.05)
    }

    func testProportionalModeJustifiesWithoutAGrid() throws {
        let t = try typesetter { $0.grid = nil }
        let list = t.layout(Typesetting.issue([Article(blocks: [.paragraph(Paragraph(Typesetting.filler(400)))])])).value
        let justified = list.lineRecords.filter { $0.justified && $0.role == .paragraph }
        XCTAssertGreaterThan(justified.count, 5)
        for line in justified { XCTAssertEqual(line.right, line.measureRight, accuracy: 0.01, line.text) }
        // 16 pt characters in a 442 pt measure: 27 per full line, not the grid's 28.
        XCTAssertTrue(justified.dropFirst().allSatisfy { $0.text.count == 27 }, "\(justified.map(\.text.count))")
    }

    func testSyntheticBoldIsVectorTextThatCopiesOnceAndLooksBold() throws {
        let issue = Typesetting.issue([Article(blocks: [.paragraph(Paragraph(runs: [
            Run("文明创建工作奖惩机制文明创建工作奖惩机制。", role: .title), Run(Typesetting.filler(40))]))])])
        func render(bold: Bool) throws -> (pdf: [UInt8], ink: Int) {
            let t = try typesetter { $0.styles.title = InlineStyle(font: "fang", syntheticBold: bold) }
            let list = t.layout(issue).value
            let png = try PNGRenderer.render(list, page: 0, dpi: 150)
            let image = try RasterImage(png: png)
            return (try PDFRenderer.render(list), stride(from: 0, to: image.pixels.count, by: 3).filter { image.pixels[$0] < 128 }.count)
        }
        let regular = try render(bold: false), bold = try render(bold: true)
        XCTAssertGreaterThan(Double(bold.ink), Double(regular.ink) * 1.05, "emboldened outlines add ink")
        let path = (Repository.temporaryDirectory() as NSString).appendingPathComponent("bold.pdf")
        try AtomicFile.write(bold.pdf, to: path)
        for font in try Poppler.fonts(path) {
            XCTAssertTrue(font.embedded && font.unicode, "\(font.name): embedded with ToUnicode")
            XCTAssertFalse(font.type.contains("Type 3"), "\(font.name): outlines, not bitmaps")
        }
        XCTAssertNil(PrintedTextMatch.mismatch(extracted: try Poppler.text(path), items: issue.printedItems),
                     "bold text copies out once")
    }
}
