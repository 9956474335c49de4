import BulletinExtract
import BulletinModel
import BulletinPDFReader
import TestSupport
import XCTest

/// Producers outside the six-producer corpus (Tests/Fixtures/extract/producers, made by
/// scripts/make-producer-fixtures.py), each read exactly: every character, every paragraph.
/// - ReportLab: a non-embedded CID font through UniGB-UCS2-H; every paragraph indented, none spaced,
///   so short lines (masthead, 电话/传真 fields) are told apart by their raggedness alone.
/// - fpdf2: an indent left on a line of its own puts `送：` at the margin above an indented `发：`.
/// - pdftocairo redrawing Chromium's column fixture: Type 3 fonts with FontMatrix [1 0 0 -1 0 0] at
///   Tf 1 (sized by Tm), and no /ActualText, so the ToUnicode's Kangxi radicals and ﬀ are the text.
final class ProducerFixtureTests: XCTestCase {
    static let directory = Repository.path("Tests/Fixtures/extract/producers")

    private func check(_ pdf: String, truth: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let truthText = try String(contentsOfFile: truth, encoding: .utf8)
        let document = try PDFDocument(path: pdf)
        let text = TextWriter.write(Extractor.extract(document))
        let name = (pdf as NSString).lastPathComponent
        XCTAssertEqual(TextScore.distance(TextScore.normalize(truthText), TextScore.normalize(text)), 0,
                       "\(name): edits", file: file, line: line)
        let pr = TextScore.paragraphs(truth: truthText.split(separator: "\n").map(String.init),
                                      candidate: text.components(separatedBy: "\n\n"), slack: 0)
        XCTAssertEqual(pr.precision, 1, "\(name): paragraph precision", file: file, line: line)
        XCTAssertEqual(pr.recall, 1, "\(name): paragraph recall", file: file, line: line)
        XCTAssertEqual(document.warnings, [], "\(name)", file: file, line: line)
    }

    func testReportLabCIDFont() throws {
        try check("\(Self.directory)/reportlab-cid.pdf", truth: "\(Self.directory)/truth-reportlab-cid.txt")
    }

    func testFPDF2() throws {
        try check("\(Self.directory)/fpdf2.pdf", truth: "\(Self.directory)/truth-fpdf2.txt")
    }

    /// Typed plainly — masthead, attributions and fields all in body type at the body indent — the
    /// bulletin is still recovered: the masthead from its title over `第33期`, attributions from a
    /// unit name in brackets on a line of its own.
    func testAPlainlyTypedBulletinIsRecoveredAsAnIssue() throws {
        for name in ["reportlab-cid", "fpdf2"] {
            let extraction = Extractor.extract(try PDFDocument(path: "\(Self.directory)/\(name).pdf"))
            let issue = try XCTUnwrap(IssueRecovery.recover(BlockClassifier.classify(extraction)), name)
            XCTAssertEqual(issue.masthead, Masthead(title: "首都精神文明建设情况简报", number: "第33期", totalNumber: "总第2142期",
                                                    issuer: "首都精神文明办", date: "2020年7月7日"), name)
            XCTAssertEqual(issue.sections.map(\.column), ["文明创建"], name)
            XCTAssertEqual(issue.sections.flatMap(\.articles).map(\.attribution), ["海淀区文明办", "门头沟区文明办", "通州区文明办"], name)
            XCTAssertEqual(issue.footer.map(\.label), ["责编", "核稿", "电话", "传真", "邮箱"], name)
            XCTAssertEqual(issue.distribution?.lines.map(\.label), ["报", "送", "发"], name)
        }
    }

    /// fpdf2.pdf watermarked by PyMuPDF on every page: 内部资料 注意保密 at 30° across the text and
    /// 装订线 up the margin (content), a 已审核 stamp (an annotation's appearance). The body reads as
    /// without them; each page's warning names what was left out; --keep-furniture has it all.
    func testWatermarkedPagesReadAsTheirText() throws {
        let pdf = "\(Self.directory)/watermarked.pdf"
        try check(pdf, truth: "\(Self.directory)/truth-fpdf2.txt")
        let extraction = Extractor.extract(try PDFDocument(path: pdf))
        XCTAssertEqual(extraction.warnings.filter { $0.feature == "rotated text" }.map(\.page), [0, 1, 2])
        let kept = TextWriter.write(Extractor.extract(try PDFDocument(path: pdf), options: ExtractOptions(keepFurniture: true)))
        for furniture in ["内部资料 注意保密", "装订线", "已审核"] {
            XCTAssertEqual(kept.components(separatedBy: "\n\n" + furniture + "\n").count - 1, 3, furniture)
        }
    }

    func testPdftocairoRedrawOfChromiumColumns() throws {
        try check("\(Self.directory)/pdftocairo-columns.pdf",
                  truth: Repository.path("Tests/Fixtures/extract/columns/truth-columns.txt"))
        let page = try PDFDocument(path: "\(Self.directory)/pdftocairo-columns.pdf").page(0)
        let sizes = Set(page.glyphs.map { ($0.size * 10).rounded() / 10 })
        XCTAssertTrue(sizes.allSatisfy { $0 > 5 && $0 < 30 }, "Type 3 glyph sizes in points: \(sizes.sorted())")
    }
}
