import BulletinDiff
import XCTest

/// The HTML report: self-contained (nothing fetched from a network), most changed pages first,
/// text escaped.
final class HTMLReportTests: XCTestCase {
    private func report() -> DiffReport {
        let images = { (page: Int) in
            PageReport.Images(expected: "pages/a/p\(page)-expected.png", actual: "pages/a/p\(page)-actual.png",
                              diff: "pages/a/p\(page)-diff.png")
        }
        let document = DocumentReport(name: "a<b>", status: .different, basePages: 3, newPages: 3, pages: [
            PageReport(page: 1, status: .different, differingPixels: 10, totalPixels: 1000, ratio: 0.01, images: images(1)),
            PageReport(page: 2, status: .same, totalPixels: 1000),
            PageReport(page: 3, status: .different, differingPixels: 300, totalPixels: 1000, ratio: 0.3, images: images(3)),
        ], changes: [Change(kind: .textChanged, lines: LineSpan(firstPage: 3, firstLine: 2, lastPage: 3, lastLine: 2),
                            description: "p3 line 2 text changed: “<甲>” → “&乙”")])
        return DiffReport(base: "old", new: "new", settings: DiffReport.Settings(
            threshold: 0.1, detectsAntialiasing: true, maxDiffPixels: nil, maxDiffRatio: nil, dpi: 150, rasterizer: nil),
            documents: [document])
    }

    func testMostChangedPageComesFirst() {
        let html = HTMLReport.render(report())
        let p3 = html.range(of: "id=\"a&lt;b&gt;-p3\"")!, p1 = html.range(of: "id=\"a&lt;b&gt;-p1\"")!
        XCTAssertLessThan(p3.lowerBound, p1.lowerBound)
        XCTAssertEqual(HTMLReport.changedPages(report()).map(\.1.page), [3, 1])
        XCTAssertTrue(html.contains("a&lt;b&gt;: p2"), "same pages are listed at the end")
    }

    func testSelfContained() {
        let html = HTMLReport.render(report())
        for forbidden in ["http://", "https://", "<link", "@import", "src=\"/", "url("] {
            XCTAssertFalse(html.contains(forbidden), "no \(forbidden) in a self-contained report")
        }
        XCTAssertTrue(html.contains("<style>") && html.contains("<script>"))
        let sources = html.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(Set(sources), ["pages/a/p1-expected.png", "pages/a/p1-actual.png", "pages/a/p1-diff.png",
                                      "pages/a/p3-expected.png", "pages/a/p3-actual.png", "pages/a/p3-diff.png"])
        for view in ["value=\"side\"", "value=\"slider\"", "value=\"overlay\"", "value=\"difference\""] {
            XCTAssertTrue(html.contains(view), view)
        }
    }

    func testTextIsEscaped() {
        let html = HTMLReport.render(report())
        XCTAssertTrue(html.contains("p3 line 2 text changed: “&lt;甲&gt;” → “&amp;乙”"))
        XCTAssertFalse(html.contains("<甲>"))
    }

    func testOutcome() {
        var report = report()
        XCTAssertEqual(report.outcome, .different)
        XCTAssertEqual(report.exitCode, 1)
        report.documents[0].pages[0].status = .error
        report.documents[0].status = .error
        report.finish()
        XCTAssertEqual(report.exitCode, 2, "an error wins over a difference")
    }
}
