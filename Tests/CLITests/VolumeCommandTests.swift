import Foundation
import TestSupport
import XCTest

/// `bulletin-pdf volume`, read back by poppler.
final class VolumeCommandTests: BatchCLITestCase {
    func testBindsIssuesWithContentsOutlineAndPages() throws {
        let first = write("archive/a.json", try String(contentsOfFile: Repository.path("Samples/2021-012.json"), encoding: .utf8))
        write("archive/b.json", try String(contentsOfFile: Repository.path("Samples/2020-033.json"), encoding: .utf8))
        let volume = path("2020.pdf")
        let run = BatchCLI.run(["volume", archive, "-o", volume])
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        let single = path("single.pdf")
        XCTAssertEqual(CLI.run(["render", first, "-o", single]).status, Exit.ok)
        let contentsPages = 1
        XCTAssertEqual(pageCount(volume), contentsPages + 5 + pageCount(single))
        // The contents page lists both issues, earlier date first.
        let contents = text(of: volume, pages: 1...1)
        let a = try XCTUnwrap(contents.range(of: "第 33 期"))
        let b = try XCTUnwrap(contents.range(of: "第 12 期"))
        XCTAssertLessThan(a.lowerBound, b.lowerBound, contents)
        // Outline read by pdftohtml: contents, then issue → articles.
        let xml = try Poppler.run("pdftohtml", ["-xml", "-stdout", "-i", "-q", volume]).stdout
        let items = xml.components(separatedBy: "\n").filter { $0.hasPrefix("<item") || $0 == "<outline>" || $0 == "</outline>" }
        XCTAssertEqual(items.prefix(4), ["<outline>", "<item page=\"1\">目　录</item>",
                                         "<item page=\"2\">第33期　2020年7月7日</item>", "<outline>"])
        XCTAssertTrue(items.contains("<item page=\"7\">第12期　2021年3月8日</item>"), "\(items)")
    }

    func testABadIssueFailsTheVolumeAndWritesNothing() {
        write("archive/a.json", IssueJSON.valid)
        let bad = write("archive/b.json", IssueJSON.withBlocks("42"))
        let volume = path("v.pdf")
        let run = BatchCLI.run(["volume", archive, "-o", volume])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertTrue(run.stderr.hasPrefix("error: \(bad):"), run.stderr)
        assertNothingWritten(volume)
    }
}
