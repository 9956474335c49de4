import BulletinCheck
import BulletinLayout
import BulletinModel
import BulletinPDFReader
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// `check FILE.pdf`: a PDF read back by our reader gives the checker the same lines the layout
/// made, so our own PDFs pass in both layouts, and bad PDFs are caught.
final class PDFCheckTests: XCTestCase {
    private func issue(_ relative: String) throws -> Issue {
        let path = Repository.path(relative)
        return try IssueDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path).value.issue
    }

    private func checker(for spec: LayoutSpec, grid: Bool = true) -> TypographyChecker {
        TypographyChecker(kinsoku: KinsokuStyle(rawValue: spec.typography.kinsoku) ?? .gb, grid: grid && spec.grid != nil)
    }

    /// The lines of the PDF of `input` laid out by `typesetter`, as `check FILE.pdf` reads them
    /// against the measure of `measuredBy` (the typesetter's own layout by default).
    private func pdfLines(_ input: String, _ typesetter: Typesetter, measuredBy spec: LayoutSpec? = nil) throws
        -> (lines: [CheckedLine], list: DisplayList) {
        let list = typesetter.layout(try issue(input)).value
        let document = try PDFDocument(bytes: try PDFRenderer.render(list))
        return (ExtractedLines.checkedLines(document, measure: .init(grid: spec ?? typesetter.spec)).lines, list)
    }

    func testSamplesAndStressCorpusPDFsHaveNoViolationsInBothLayouts() throws {
        let inputs = Repository.samples.map { String($0.dropFirst(Repository.root.count + 1)) }
            + ["Tests/Fixtures/stress/stress.json"]
        for layout in ["jianbao", "gongwen"] {
            let typesetter = try Typesetting.typesetter(layout: layout)
            for input in inputs {
                let (lines, list) = try pdfLines(input, typesetter)
                XCTAssertEqual(checker(for: typesetter.spec).check(lines: lines).map(\.description), [], "\(input) in \(layout)")
                // The reader found the lines the layout set (text without the spaces a PDF shows
                // at Han–Western boundaries; footer fields, which share a line, left aside).
                let squeeze = { (s: String) in s.filter { !$0.isWhitespace } }
                let read = lines.map(\.record).filter { $0.role != .footer }.map { squeeze($0.text) }
                let set = list.lineRecords.filter { $0.role != .footer }.map { squeeze($0.text) }
                if let i = zip(read, set).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset ?? (read.count == set.count ? nil : min(read.count, set.count)) {
                    XCTFail("\(input) in \(layout): line \(i) read “\(i < read.count ? read[i] : "")”, set “\(i < set.count ? set[i] : "")”")
                }
            }
        }
    }

    func testUnfillableParagraphIsReportedFromThePDF() throws {
        let typesetter = try Typesetting.typesetter()
        let (lines, _) = try pdfLines("Tests/Fixtures/stress/unfillable.json", typesetter)
        XCTAssertTrue(checker(for: typesetter.spec).check(lines: lines).contains { $0.rule == .looseLine })
    }

    func testPDFSetOnAnotherMeasureIsOffTheGrid() throws {
        // The same issue set 4 mm narrower: every full line ends short of jianbao's type area.
        var spec = try Typesetting.typesetter().spec
        let jianbao = spec
        spec.page.typeAreaWidth -= 4
        let narrow = try Typesetter(spec: spec, fonts: Typesetting.fonts)
        let (lines, _) = try pdfLines(Repository.samples[0].dropFirst(Repository.root.count + 1).description, narrow,
                                      measuredBy: jianbao)
        let offGrid = checker(for: jianbao).check(lines: lines).filter { $0.rule == .lineOffGridEdge }
        XCTAssertGreaterThan(offGrid.count, 20, "\(offGrid.prefix(3))")
        // Without a grid the same PDF passes that rule: its lines are flush with their own measure.
        let noGrid = checker(for: jianbao, grid: false).check(lines: lines)
        XCTAssertFalse(noGrid.contains { $0.rule == .lineOffGridEdge })
    }

    func testLooserKinsokuIsCaughtByAStricterCheck() throws {
        // Set with the basic prohibitions, checked with the strict ones: the PDF's line starts
        // show what basic allows and strict forbids.
        var spec = try Typesetting.typesetter().spec
        spec.typography.kinsoku = "basic"
        let basic = try Typesetter(spec: spec, fonts: Typesetting.fonts)
        let (lines, _) = try pdfLines("Tests/Fixtures/stress/stress.json", basic)
        let strict = TypographyChecker(kinsoku: .strict, grid: true)
        let found = strict.check(lines: lines).filter { $0.rule == .prohibitedLineStart || $0.rule == .prohibitedLineEnd }
        XCTAssertFalse(found.isEmpty, "basic kinsoku leaves lines strict forbids")
    }
}
