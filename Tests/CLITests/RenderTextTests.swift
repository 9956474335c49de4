import Foundation
import TestSupport
import XCTest

/// Text the fonts cannot draw, and very long text: a warning (located) and a correct PDF.
final class RenderTextTests: CLITestCase {
    /// Renders `json`, expects success, returns the PDF path and stderr lines.
    private func render(_ json: String, _ arguments: [String] = [], file: StaticString = #filePath,
                        line: UInt = #line) -> (input: String, pdf: String, stderr: [String]) {
        let input = write("issue.json", json)
        let pdf = path("issue.pdf")
        let run = CLI.run(["render", input, "-o", pdf] + arguments)
        XCTAssertEqual(run.status, Exit.ok, run.stderr, file: file, line: line)
        XCTAssertGreaterThan(pageCount(pdf), 0, "no readable PDF", file: file, line: line)
        return (input, pdf, run.stderrLines)
    }

    func testEmojiIsDrawnWithAWarning() {
        let (input, pdf, stderr) = render(IssueJSON.withBlocks(#""开头文字😀结尾文字。""#))
        // Which warning depends on the machine: a system font may have the emoji (drawn, but
        // outside the layout's fonts) or none has it (drawn as the missing-glyph box).
        XCTAssertEqual(stderr.count, 1, stderr.joined(separator: "\n"))
        let warning = stderr.first ?? ""
        XCTAssertTrue(warning.hasPrefix("\(input):3:42: sections[0].articles[0].blocks[0]: warning: "), warning)
        XCTAssertTrue(warning.contains("character “😀” (U+1F600) at character 5"), warning)
        XCTAssertTrue(text(of: pdf).contains("开头文字😀结尾文字。"), text(of: pdf))
    }

    func testEmojiWithoutSystemFontsIsAMissingGlyphWarning() {
        let (input, pdf, stderr) = render(IssueJSON.withBlocks(#""开头文字😀结尾文字。""#), ["--no-system-fonts"])
        XCTAssertEqual(stderr, ["\(input):3:42: sections[0].articles[0].blocks[0]: warning: no font has the "
                                + "character “😀” (U+1F600) at character 5 (it is kept in the text but drawn as "
                                + "the font's missing-glyph box)"])
        XCTAssertTrue(text(of: pdf).contains("开头文字😀结尾文字。"), text(of: pdf))
    }

    func testCharacterOutsideEveryFontIsAWarningAndTheRestIsPrinted() {
        // U+2FFFD: a valid scalar that is unassigned, so no font anywhere has it. Written as a
        // JSON surrogate-pair escape.
        let (input, pdf, stderr) = render(IssueJSON.withBlocks(#""开头文字\uD87F\uDFFD结尾文字。""#))
        XCTAssertEqual(stderr, ["\(input):3:42: sections[0].articles[0].blocks[0]: warning: no font has the "
                                + "character “\u{2FFFD}” (U+2FFFD) at character 5 (it is kept in the text but drawn "
                                + "as the font's missing-glyph box)"])
        let printed = text(of: pdf)
        XCTAssertTrue(printed.contains("开头文字"), printed)
        XCTAssertTrue(printed.contains("结尾文字。"), printed)
    }

    func testWarningInALaterRunCountsFromTheParagraphStart() {
        let blocks = #"{"paragraph": [{"title": "标题句。"}, "正文\uD87F\uDFFD文字。"]}"#
        let (input, _, stderr) = render(IssueJSON.withBlocks(blocks))
        // 标题句。 is characters 1–4, 正文 5–6: the character is the paragraph's 7th.
        XCTAssertEqual(stderr, ["\(input):3:42: sections[0].articles[0].blocks[0]: warning: no font has the "
                                + "character “\u{2FFFD}” (U+2FFFD) at character 7 (it is kept in the text but drawn "
                                + "as the font's missing-glyph box)"])
    }

    func testRepeatedMissingCharacterIsOneWarning() {
        let (_, _, stderr) = render(IssueJSON.withParagraph(String(repeating: "文字\u{2FFFD}", count: 500)))
        XCTAssertEqual(stderr.count, 1, stderr.prefix(3).joined(separator: "\n"))
    }

    func testTwoMegabyteParagraphRendersCompletely() throws {
        let sentence = "为进一步巩固文明创建成果，海淀区开展首都文明单位评选表彰推荐工作。"
        let paragraph = "开头标记" + String(repeating: sentence, count: 2 * 1024 * 1024 / sentence.utf8.count) + "结尾标记。"
        XCTAssertGreaterThan(paragraph.utf8.count, 2 * 1024 * 1024 - sentence.utf8.count)
        let started = Date()
        let (_, pdf, stderr) = render(IssueJSON.withParagraph(paragraph))
        let seconds = Date().timeIntervalSince(started)
        let pages = pageCount(pdf)
        print("2 MB paragraph: \(String(format: "%.1f", seconds)) s, \(pages) pages")
        XCTAssertEqual(stderr, [])
        // About 28 × 22 = 616 characters a page.
        XCTAssertGreaterThan(pages, paragraph.count / 616)
        XCTAssertTrue(text(of: pdf, pages: 1...1).contains("开头标记为进一步巩固"))
        XCTAssertTrue(text(of: pdf, pages: pages...pages).contains("推荐工作。结尾标记。"))
    }

    func testTwoMegabytesWithoutABreakOpportunityFinish() {
        // 。 may not start a line, so 700,000 of them are one unbreakable line of as many units;
        // building that line used to be quadratic (minutes). The line overflows the page: that
        // is reported as an open problem, this test only guards the time.
        let started = Date()
        let (_, _, stderr) = render(IssueJSON.withParagraph(String(repeating: "。", count: 2 * 1024 * 1024 / 3)))
        let seconds = Date().timeIntervalSince(started)
        print("2 MB without a break: \(String(format: "%.1f", seconds)) s")
        XCTAssertEqual(stderr, [])
        XCTAssertLessThan(seconds, 120)
    }
}
