@testable import BulletinExtract
import BulletinModel
import BulletinPDFReader
import Foundation
import TestSupport
import XCTest

/// Markdown and JSON forms of the samples.
final class WriterTests: XCTestCase {
    private func sample(_ name: String) -> SampleFixtures.Sample {
        SampleFixtures.all.first { $0.name == name }!
    }

    func testMarkdownMarksTitleColumnsBoldRunsHeadingsAndRules() {
        let runIn = Extractor.extract(SampleFixtures.pages(sample("2020-038")))
        let markdown = MarkdownWriter.write(runIn)
        XCTAssertTrue(markdown.hasPrefix("# 首都精神文明建设情况简报\n\n第38期（总第2147期）\n\n"), String(markdown.prefix(80)))
        XCTAssertTrue(markdown.contains("\n\n---\n\n## 【文明创建】\n\n"))
        XCTAssertTrue(markdown.contains("\n\n**市检一分院抓好“五落实”积极参与石景山区精神文明创建活动。**落实文明创建。"))
        XCTAssertTrue(markdown.contains("作用，持续汇聚文明力量。**带头参与疫情防控。**主动作为、共同抗“疫”"))
        XCTAssertTrue(markdown.contains("---\n\n报：中央文明办，"))
        XCTAssertFalse(markdown.contains("— 1 —"))

        let headed = MarkdownWriter.write(Extractor.extract(SampleFixtures.pages(sample("2021-012"))))
        XCTAssertTrue(headed.contains("\n\n常态化推进 项目化落实\n\n# 《首都文明委重点工作项目台账》凝聚齐创共建工作力量\n\n"))
        XCTAssertTrue(headed.contains("\n\n### 一、2020年台账完成情况\n\n"))
        XCTAssertTrue(headed.contains("\n\n（精神文明综合协调处）\n\n"))
    }

    func testMarkdownEscapesMarkupCharacters() {
        XCTAssertEqual(MarkdownWriter.escape("a*b_c", lineStart: false), "a\\*b\\_c")
        XCTAssertEqual(MarkdownWriter.escape("# 不是标题", lineStart: true), "\\# 不是标题")
        XCTAssertEqual(MarkdownWriter.escape("1. 坚持", lineStart: true), "1\\. 坚持")
        XCTAssertEqual(MarkdownWriter.escape("1.2万", lineStart: true), "1.2万")
    }

    func testJSONHasLinesWithBoxesFontsAndTheIssue() throws {
        let s = sample("2021-012")
        let extraction = Extractor.extract(try PDFDocument(bytes: s.pdf))
        let text = try XCTUnwrap(try? ExtractFormat.json.render(extraction, file: "2021-012.pdf").get())
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(root["file"] as? String, "2021-012.pdf")
        let pages = try XCTUnwrap(root["pages"] as? [[String: Any]])
        XCTAssertEqual(pages.count, s.displayList.pages.count)
        let lines = try XCTUnwrap(pages[0]["lines"] as? [[String: Any]])
        let title = try XCTUnwrap(lines.first)
        XCTAssertEqual(title["text"] as? String, "首都精神文明建设情况简报")
        XCTAssertEqual((title["bbox"] as? [Double])?.count, 4)
        let span = try XCTUnwrap((title["spans"] as? [[String: Any]])?.first)
        XCTAssertEqual(span["font"] as? String, "FandolSong-Bold")
        XCTAssertEqual(span["color"] as? String, "#E60012")
        XCTAssertEqual(span["bold"] as? Bool, true)
        // Page numbers are listed, flagged.
        XCTAssertTrue(pages.allSatisfy { page in
            (page["lines"] as? [[String: Any]])?.contains { $0["furniture"] as? String == "pageNumber" } ?? false
        })
        // The issue inside decodes to the sample.
        let issueData = try JSONSerialization.data(withJSONObject: try XCTUnwrap(root["issue"]))
        XCTAssertEqual(try IssueDecoder.decode(Array(issueData), file: "issue").value.issue, s.issue)
    }

    func testIssueFormatRefusesAPageThatIsNotABulletin() {
        var page = SyntheticPage(0)
        BodyText.paragraph(60, on: &page, baseline: 100)
        let extraction = Extractor.extract([page.content])
        XCTAssertEqual(ExtractFormat.issue.render(extraction, file: "x").map { _ in "" }, .failure(NotABulletin()))
        XCTAssertTrue(((try? ExtractFormat.json.render(extraction, file: "x").get()) ?? "").contains("\"issue\": null"))
    }
}
