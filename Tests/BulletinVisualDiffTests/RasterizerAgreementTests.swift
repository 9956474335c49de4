import BulletinDiff
import BulletinVisualDiff
import Foundation
import TestSupport
import XCTest

/// Our PDFs as poppler (pdftoppm) draws them agree with our own Cairo PNGs of the same issue, on
/// every Sample: the PDFs render the same elsewhere. This holds whichever PDF writer produced the
/// PDF (Cairo's, or our own) — it is exactly what guards a change of writer.
///
/// The tolerance (measured on the Samples, see README "Visual diffs"): the two rasterizers place
/// glyphs at different sub-pixel offsets, so at 200 dpi a colour threshold of 0.2 and a 1-pixel
/// shift tolerance leave 0 differing pixels on every Sample page, while one changed character
/// leaves hundreds; the budget of 100 pixels per page sits between.
final class RasterizerAgreementTests: XCTestCase {
    static let dpi = 200.0
    static let options = DiffOptions(comparison: PixelComparison(threshold: 0.2, shiftTolerance: 1), maxDiffPixels: 100)

    private func compare(issue: String, pdfFrom text: String) throws -> DiffReport {
        let directory = Repository.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pdf = try Fixtures.pdf(issueJSON: text, at: (directory as NSString).appendingPathComponent("issue.pdf"))
        let base = IssueDocuments(path: issue, session: Fixtures.session, dpi: Self.dpi)
        let new = PDFDocuments(path: pdf, dpi: Self.dpi)
        return DiffRun(options: Self.options).run(base: base, new: new,
                                                  settings: Self.options.settings(dpi: Self.dpi, rasterizer: "pdftoppm"))
    }

    func testPopplerRasterizedPDFsAgreeWithOurCairoPNGs() throws {
        for sample in Repository.samples {
            let text = try String(contentsOfFile: sample, encoding: .utf8)
            let report = try compare(issue: sample, pdfFrom: text)
            XCTAssertEqual(report.outcome, .same, "\(sample):\n\(Fixtures.describe(report))")
            XCTAssertGreaterThanOrEqual(report.totals.pages, 4, sample)
        }
    }

    /// The same check fails when the PDF shows one different word: the tolerance is not blind.
    func testTheToleranceStillSeesAChangedWord() throws {
        let sample = Repository.path("Samples/2022-017.json")
        let text = try String(contentsOfFile: sample, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "大力推进全域创建全国文明城区", with: "全力推动全域创建全国文明城区")
        XCTAssertNotEqual(edited, text)
        let report = try compare(issue: sample, pdfFrom: edited)
        XCTAssertEqual(report.outcome, .different)
        let pages = report.documents[0].pages
        XCTAssertEqual(pages.map(\.status), [.different, .same, .same, .same])
        XCTAssertGreaterThan(pages[0].differingPixels, 2 * Self.options.maxDiffPixels!)
        // A PDF has no text lines yet (our extractor will give them): the change is a region.
        XCTAssertTrue(report.documents[0].changes.allSatisfy { $0.kind == .region && $0.region?.unit == "pt" },
                      "\(report.documents[0].changes.map(\.description))")
    }
}
