import Foundation
import TestSupport
import XCTest

/// `bulletin-pdf diff` and `snapshot` as a user runs them: exit 0 same, 1 different, 2 error; the
/// summary, --json and --report; every kind of bad input an error, not "different".
final class DiffCommandTests: CLITestCase {
    static let paragraph = "首都文明委自二〇二〇年起建立重点工作项目台账制度，每年年初由各成员单位围绕文明委重点任务确定工作项目。"
    static let edited = paragraph.replacingOccurrences(of: "重点工作项目台账", with: "重点任务清单台账")

    private enum Exit2 { static let different: Int32 = 1, error: Int32 = 2 }

    /// Writes an issue with one paragraph and renders it to NAME.pdf; returns (json, pdf).
    @discardableResult
    private func issue(_ name: String, _ text: String = paragraph, pdf: Bool = true) -> (json: String, pdf: String) {
        let json = write("\(name).json", IssueJSON.withParagraph(text))
        let output = path("\(name).pdf")
        if pdf {
            let run = CLI.run(["render", json, "-o", output])
            XCTAssertEqual(run.status, Exit.ok, run.stderr)
        }
        return (json, output)
    }

    func testIdenticalPDFsAreTheSame() {
        let a = issue("a")
        let run = CLI.run(["diff", a.pdf, a.pdf, "--dpi", "60"])
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        XCTAssertEqual(run.stdout, "same       a (1 pages)\nsame: 0 of 1 pages differ in 0 of 1 documents; 0 errors\n")
        XCTAssertEqual(run.stderr, "")
    }

    func testAChangedParagraphIsDifferentAndNamed() {
        let a = issue("a", pdf: false), b = issue("b", Self.edited, pdf: false)
        let run = CLI.run(["diff", a.json, b.json, "--dpi", "60"])
        XCTAssertEqual(run.status, Exit2.different, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("different  a → b: p1 "), run.stdout)
        XCTAssertTrue(run.stdout.contains("    p1 line 4 text changed: “…年起建立重点工作项目台账制度，每” → “…年起建立重点任务清单台账制度，每”\n"),
                      run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("different: 1 of 1 pages differ in 1 of 1 documents; 0 errors\n"), run.stdout)
    }

    func testPDFChangesAreNamedFromTheExtractedLines() {
        // PDFs are read back by our own reader and extractor: the changed line is named as for
        // issues, not only as a region.
        let a = issue("a"), b = issue("b", Self.edited)
        let run = CLI.run(["diff", a.pdf, b.pdf, "--dpi", "60"])
        XCTAssertEqual(run.status, Exit2.different, run.stderr)
        XCTAssertTrue(run.stdout.contains("    p1 line 4 text changed: “…年起建立重点工作项目台账制度，每” → “…年起建立重点任务清单台账制度，每”\n"),
                      run.stdout)
        XCTAssertFalse(run.stdout.contains("changed region"), run.stdout)
    }

    func testPagesWithoutTextAreDescribedByRegion() throws {
        // Page images carry no text: the change is located by region.
        let a = issue("a", pdf: false), b = issue("b", Self.edited, pdf: false)
        XCTAssertEqual(CLI.run(["render", a.json, "--png", path("pngA"), "--dpi", "60"]).status, Exit.ok)
        XCTAssertEqual(CLI.run(["render", b.json, "--png", path("pngB"), "--dpi", "60"]).status, Exit.ok)
        // Same document name on both sides, so the pages pair up.
        try FileManager.default.moveItem(atPath: path("pngB/b-1.png"), toPath: path("pngB/a-1.png"))
        let run = CLI.run(["diff", path("pngA"), path("pngB")])
        XCTAssertEqual(run.status, Exit2.different, run.stderr)
        XCTAssertTrue(run.stdout.contains("changed region "), run.stdout)
    }

    func testJSONOnStandardOutput() throws {
        let a = issue("a", pdf: false), b = issue("b", Self.edited, pdf: false)
        let run = CLI.run(["diff", a.json, b.json, "--json", "--dpi", "50"])
        XCTAssertEqual(run.status, Exit2.different, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "bulletin-pdf-diff/1")
        XCTAssertEqual(json["outcome"] as? String, "different")
        XCTAssertEqual(json["exitCode"] as? Int, 1)
        let documents = try XCTUnwrap(json["documents"] as? [[String: Any]])
        let page = try XCTUnwrap((documents[0]["pages"] as? [[String: Any]])?.first)
        XCTAssertEqual(page["status"] as? String, "different")
        XCTAssertGreaterThan(page["differingPixels"] as? Int ?? 0, 0)
        let change = try XCTUnwrap((documents[0]["changes"] as? [[String: Any]])?.first)
        XCTAssertEqual(change["kind"] as? String, "text-changed")
        XCTAssertEqual((json["settings"] as? [String: Any])?["dpi"] as? Double, 50)
    }

    func testReportDirectoryIsSelfContained() throws {
        let a = issue("a", pdf: false), b = issue("b", Self.edited, pdf: false)
        let report = path("report")
        let run = CLI.run(["diff", a.json, b.json, "--report", report, "--json-file", path("out.json"), "--dpi", "50"])
        XCTAssertEqual(run.status, Exit2.different, run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("report: \(report)/index.html\n"), run.stdout)
        let html = try String(contentsOfFile: report + "/index.html", encoding: .utf8)
        let sources = html.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(sources.count, 3 + 2 + 2, "side by side, slider, overlay and difference views of one page")
        for source in Set(sources) {
            XCTAssertFalse(source.hasPrefix("/") || source.contains("://"), source)
            XCTAssertTrue(exists(report + "/" + source), source)
        }
        XCTAssertTrue(exists(report + "/report.json"))
        XCTAssertEqual(contents(of: report + "/report.json"), contents(of: path("out.json")))
    }

    func testDifferentPageSizesAreAnError() {
        let a = issue("a", pdf: false)
        XCTAssertEqual(CLI.run(["render", a.json, "--png", path("small"), "--dpi", "30"]).status, Exit.ok)
        XCTAssertEqual(CLI.run(["render", a.json, "--png", path("large"), "--dpi", "40"]).status, Exit.ok)
        let run = CLI.run(["diff", path("small"), path("large")])
        XCTAssertEqual(run.status, Exit2.error)
        XCTAssertEqual(run.stderrLines, ["error: a p1: page sizes differ: 248×351 px vs 331×468 px (never resized)"])
    }

    func testAnUnreadablePNGIsAnError() {
        let a = issue("a", pdf: false)
        XCTAssertEqual(CLI.run(["render", a.json, "--png", path("good"), "--dpi", "30"]).status, Exit.ok)
        write("bad/a-1.png", "PNG? no.")
        let run = CLI.run(["diff", path("good"), path("bad")])
        XCTAssertEqual(run.status, Exit2.error)
        XCTAssertEqual(run.stderrLines, ["error: \(path("bad/a-1.png")): cannot read PNG: not a PNG file (bad signature)"])
    }

    func testAPDFThatFailsToRasterizeIsAnError() {
        let a = issue("a")
        let broken = write("broken.pdf", "%PDF-1.4\nnot really\n")
        let run = CLI.run(["diff", a.pdf, broken, "--dpi", "60"])
        XCTAssertEqual(run.status, Exit2.error)
        XCTAssertTrue(run.stderr.hasPrefix("error: a → broken: \(broken): pdftoppm failed (exit 1): "), run.stderr)
    }

    func testAMissingRasterizerIsAnError() {
        let a = issue("a")
        let run = CLI.shell("BULLETIN_PDFTOPPM=/nonexistent/pdftoppm \"$BULLETIN_PDF\" diff '\(a.pdf)' '\(a.pdf)'")
        XCTAssertEqual(run.status, Exit2.error)
        XCTAssertTrue(run.stderr.contains("cannot run /nonexistent/pdftoppm (not installed); install poppler-utils"), run.stderr)
    }

    func testMissingInputsAndUsage() {
        let run = CLI.run(["diff", path("nothing.pdf"), path("nothing-either.pdf")])
        XCTAssertEqual(run.status, Exit2.error)
        XCTAssertEqual(run.stderrLines, ["error: \(path("nothing.pdf")): no such file or directory"])
        XCTAssertEqual(CLI.run(["diff", path("a.pdf")]).status, Exit.usage)
        XCTAssertTrue(CLI.run(["diff", path("a.pdf")]).stderr.contains("give two inputs, BASE and NEW"))
        XCTAssertEqual(CLI.run(["diff", "a", "b", "--update"]).status, Exit.usage)
        XCTAssertEqual(CLI.run(["diff", "a", "b", "--threshold", "2"]).status, Exit.usage)
    }

    func testGoldenWorkflow() throws {
        let archive = path("archive"), goldens = path("goldens")
        write("archive/a.json", IssueJSON.withParagraph(Self.paragraph))
        let snapshot = CLI.run(["snapshot", archive, "--goldens", goldens, "--dpi", "40"])
        XCTAssertEqual(snapshot.status, Exit.ok, snapshot.stderr)
        XCTAssertTrue(snapshot.stdout.hasPrefix("recorded 1 issues, 1 pages at 40 dpi into \(goldens) (Cairo "), snapshot.stdout)
        XCTAssertEqual(CLI.run(["diff", "--goldens", goldens, archive]).status, Exit.ok)

        // A new issue has no golden: an error until recorded.
        write("archive/b.json", IssueJSON.withParagraph("第二期的正文。"))
        let missing = CLI.run(["diff", "--goldens", goldens, archive])
        XCTAssertEqual(missing.status, Exit2.error)
        XCTAssertEqual(missing.stderrLines, ["error: b: \(goldens)/b-1.png: missing golden; no goldens for b; record them with "
                                             + "`diff --goldens \(goldens) … --update`"])

        // A change: different; --update re-records only it and says so.
        write("archive/a.json", IssueJSON.withParagraph(Self.edited))
        let update = CLI.run(["diff", "--goldens", goldens, archive, "--update"])
        XCTAssertEqual(update.status, Exit.ok, update.stderr)
        XCTAssertTrue(update.stdout.contains("updated    a: re-recorded a-1.png ("), update.stdout)
        XCTAssertTrue(update.stdout.contains("updated    b: re-recorded b-1.png (new), b.trace (new)"), update.stdout)
        XCTAssertEqual(CLI.run(["diff", "--goldens", goldens, archive]).status, Exit.ok)
    }

    func testGoldensFromAnotherMachine() throws {
        let archive = path("archive"), goldens = path("goldens")
        write("archive/a.json", IssueJSON.withParagraph(Self.paragraph))
        XCTAssertEqual(CLI.run(["snapshot", archive, "--goldens", goldens, "--dpi", "40"]).status, Exit.ok)
        let manifest = goldens + "/manifest.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        let cairo = try XCTUnwrap(text.range(of: #""cairo" : "[^"]*""#, options: .regularExpression))
        try text.replacingCharacters(in: cairo, with: #""cairo" : "1.14.0""#).write(toFile: manifest, atomically: true, encoding: .utf8)

        let warned = CLI.run(["diff", "--goldens", goldens, archive])
        XCTAssertEqual(warned.status, Exit.ok, "no difference: a warning only")
        XCTAssertTrue(warned.stderr.hasPrefix("warning: goldens from another machine: Cairo "), warned.stderr)
        XCTAssertTrue(warned.stderr.contains(" here, 1.14.0 when the goldens were recorded"), warned.stderr)

        write("archive/a.json", IssueJSON.withParagraph(Self.edited))
        let failed = CLI.run(["diff", "--goldens", goldens, archive, "--json"])
        XCTAssertEqual(failed.status, Exit2.error)
        XCTAssertTrue(failed.stderr.contains("error: the goldens in \(goldens) were recorded on another machine"), failed.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["outcome"] as? String, "error")
        XCTAssertEqual((json["warnings"] as? [String])?.count, 1)
    }

    func testSnapshotOfNothingIsAnError() {
        let run = CLI.run(["snapshot", path("nowhere"), "--goldens", path("goldens")])
        XCTAssertEqual(run.status, Exit2.error)
        XCTAssertEqual(run.stderrLines, ["error: \(path("nowhere")): no such file or directory"])
        XCTAssertFalse(exists(path("goldens")))
    }
}
