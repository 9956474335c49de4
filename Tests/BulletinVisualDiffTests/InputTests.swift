import BulletinDiff
import BulletinRender
import BulletinVisualDiff
import Foundation
import TestSupport
import XCTest

/// What `diff` reads: recognising inputs, pairing documents and pages, pdftoppm and its failures,
/// text lines from traces.
final class InputTests: XCTestCase {
    var directory = ""

    override func setUp() { directory = Repository.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    private var input: DiffInput { DiffInput(dpi: 40, session: { Fixtures.session }) }

    /// Writes a white PNG of the given size.
    private func png(_ name: String, width: Int = 30, height: Int = 40, ink: Int? = nil) throws {
        var image = RasterImage(white: width, height)
        if let ink { for c in 0..<3 { image.pixels[ink * 3 + c] = 0 } }
        Fixtures.write("", to: path(name))
        try AtomicFile.write(try image.pngBytes(), to: path(name))
    }

    private func run(_ base: String, _ new: String, options: DiffOptions = DiffOptions()) throws -> DiffReport {
        DiffRun(options: options).run(base: try input.open(path(base)), new: try input.open(path(new)),
                                      settings: options.settings(dpi: 40, rasterizer: nil))
    }

    func testInputsAreRecognised() throws {
        Fixtures.write(Fixtures.issue(["一段。"]), to: path("archive/2020/001.json"))
        _ = try Fixtures.pdf(issueJSON: Fixtures.issue(["一段。"]), at: path("pdfs/001.pdf"))
        try png("pngs/001-1.png")
        XCTAssertEqual(try input.open(path("archive")).summary, "archive \(path("archive")) (1 issues)")
        XCTAssertEqual(try input.open(path("archive")).names, ["2020/001"], "names are relative paths without extension")
        XCTAssertEqual(try input.open(path("archive/2020/001.json")).summary, "issue \(path("archive/2020/001.json"))")
        XCTAssertEqual(try input.open(path("pdfs")).summary, "directory of PDFs \(path("pdfs")) (1 files)")
        XCTAssertEqual(try input.open(path("pdfs/001.pdf")).summary, "PDF \(path("pdfs/001.pdf"))")
        XCTAssertEqual(try input.open(path("pngs")).summary, "directory of page PNGs \(path("pngs")) (1 documents)")
        // A PDF without the extension is recognised by its header.
        try FileManager.default.copyItem(atPath: path("pdfs/001.pdf"), toPath: path("issue-pdf"))
        XCTAssertEqual(try input.open(path("issue-pdf")).summary, "PDF \(path("issue-pdf"))")
    }

    func testUnusableInputsAreErrors() throws {
        XCTAssertThrowsError(try input.open(path("nothing.pdf"))) {
            XCTAssertEqual("\($0)", "\(path("nothing.pdf")): no such file or directory")
        }
        Fixtures.write("hello", to: path("notes.txt"))
        XCTAssertThrowsError(try input.open(path("notes.txt"))) {
            XCTAssertEqual("\($0)", "\(path("notes.txt")): not a PDF, issue JSON (.json) or PNG file, nor a directory of them")
        }
        try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try input.open(path("empty"))) {
            XCTAssertEqual("\($0)", "\(path("empty")): no issue JSON, PDF or PNG files in this directory")
        }
    }

    func testPagesPairByNumberAndExtraPagesAreReportedNotResized() throws {
        for page in 1...2 { try png("old/doc-\(page).png") }
        for page in 1...3 { try png("new/doc-\(page).png") }
        let report = try run("old", "new")
        XCTAssertEqual(report.outcome, .different)
        XCTAssertEqual(report.documents[0].pages.map(\.status), [.same, .same, .added])
        XCTAssertEqual(report.documents[0].changes.map(\.description), ["p3 added"])
        let back = try run("new", "old")
        XCTAssertEqual(back.documents[0].pages.map(\.status), [.same, .same, .removed])
    }

    func testDocumentsPairByName() throws {
        try png("old/a-1.png"); try png("old/b-1.png")
        try png("new/b-1.png", ink: 5); try png("new/c-1.png")
        let report = try run("old", "new")
        XCTAssertEqual(report.documents.map(\.name), ["a", "b", "c"])
        XCTAssertEqual(report.documents.map(\.status), [.removed, .different, .added])
        XCTAssertEqual(report.documents[1].changes.map(\.description), ["changed region 5,0–6,1 px on p1"],
                       "PNGs have no text and no scale: the region in pixels")
    }

    func testDifferentPageSizesAreAnErrorForThatPage() throws {
        try png("old/doc-1.png"); try png("old/doc-2.png")
        try png("new/doc-1.png", width: 40, height: 30); try png("new/doc-2.png")
        let report = try run("old", "new")
        XCTAssertEqual(report.outcome, .error)
        XCTAssertEqual(report.documents[0].pages.map(\.status), [.error, .same], "the other page is still compared")
        XCTAssertEqual(report.documents[0].pages[0].error, "doc p1: page sizes differ: 30×40 px vs 40×30 px (never resized)")
    }

    func testAMissingPageInARunOfPNGsIsAnError() throws {
        try png("old/doc-1.png"); try png("old/doc-2.png"); try png("old/doc-3.png")
        try png("new/doc-1.png"); try png("new/doc-3.png")
        let report = try run("old", "new")
        XCTAssertEqual(report.documents[0].pages.map(\.status), [.same, .error, .same])
        XCTAssertEqual(report.documents[0].pages[1].error,
                       "\(path("new/doc-2.png")): cannot read PNG: no such file (page 2 of 3 missing)")
    }

    func testASingleDocumentDoesNotPairWithSeveral() throws {
        try png("one.png"); try png("many/a-1.png"); try png("many/b-1.png")
        let report = try run("one.png", "many")
        XCTAssertEqual(report.outcome, .error)
        XCTAssertEqual(report.errors, ["cannot pair the single document \(path("one.png")) with directory of page PNGs "
                                       + "\(path("many")) (2 documents); give two files or two directories"])
    }

    func testPdftoppmRasterizesEveryPage() throws {
        let pdf = try Fixtures.pdf(issueJSON: try String(contentsOfFile: Repository.path("Samples/2022-017.json"), encoding: .utf8),
                                   at: path("sample.pdf"))
        let pages = try PDFRasterizer().rasterize(pdf, dpi: 150)
        XCTAssertEqual(pages.count, 4)
        // poppler rounds A4's 1240.16 pixels up: the one-pixel rounding PixelComparison allows.
        XCTAssertEqual(pages[0].size, PixelSize(width: 1241, height: 1754))
    }

    func testAPDFThatFailsToRasterizeIsAnError() throws {
        Fixtures.write("%PDF-1.4\nthis is not a PDF body\n", to: path("broken.pdf"))
        XCTAssertThrowsError(try PDFRasterizer().rasterize(path("broken.pdf"), dpi: 40)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("\(path("broken.pdf")): pdftoppm failed (exit 1): "), text)
        }
        XCTAssertThrowsError(try PDFRasterizer(executable: "/nonexistent/pdftoppm").rasterize(path("broken.pdf"), dpi: 40)) {
            XCTAssertEqual("\($0)", "cannot run /nonexistent/pdftoppm (not installed); install poppler-utils (apt-get install poppler-utils)")
        }
        _ = try Fixtures.pdf(issueJSON: Fixtures.issue(["一段。"]), at: path("good/a.pdf"))
        Fixtures.write("%PDF-1.4\nthis is not a PDF body\n", to: path("bad/a.pdf"))
        let report = try run("good", "bad")
        XCTAssertEqual(report.outcome, .error)
        XCTAssertTrue(report.documents[0].errors[0].contains("pdftoppm failed"), "\(report.documents[0].errors)")
    }

    func testTraceLinesEqualDisplayListLines() throws {
        // Goldens give lines from their trace, a fresh render from its display list: the same lines,
        // or every golden diff would report moves that did not happen.
        for sample in Repository.samples {
            let issues = IssueDocuments(path: sample, session: Fixtures.session, dpi: 20)
            let document = try issues.load(issues.names[0])
            let directory = path("goldens-\(issues.names[0])")
            _ = try Snapshot(archive: issues).record(into: directory)
            let golden = try GoldenDocuments(directory: directory).load(issues.names[0])
            XCTAssertEqual(golden.lines, document.lines, sample)
            XCTAssertGreaterThan(document.lines?.count ?? 0, 50, sample)
        }
    }
}
