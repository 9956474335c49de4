@testable import BulletinExtract
import BulletinModel
import XCTest

/// Bulletins and other documents typed plainly, everything in body type at the body indent: only
/// the text can say what a line is, so the rules that read it must not catch ordinary text.
final class PlainBulletinTests: XCTestCase {
    /// Lines of body type, one paragraph each (indented two characters), then `body` full
    /// paragraphs so the page has a measure.
    private func page(_ lines: [String], body: Int = 2) -> [ClassifiedParagraph] {
        var page = SyntheticPage(0)
        var y = 100.0
        for line in lines {
            page.text(line, x: 112, baseline: y)
            y += 29
        }
        for index in 0..<body { y = BodyText.paragraph(90, on: &page, baseline: y, offset: index * 7) }
        return BlockClassifier.classify(Extractor.extract([page.content]))
    }

    func testAPlainMastheadEndsWithItsDate() throws {
        let blocks = page(["工作简报", "第5期", "区文明办", "2024年3月1日", "海淀区推动文明创建"])
        XCTAssertEqual(blocks.prefix(5).map(\.role), [.title, .mastheadLine, .mastheadLine, .mastheadLine, .paragraph])
        let issue = try XCTUnwrap(IssueRecovery.recover(blocks))
        XCTAssertEqual(issue.masthead, Masthead(title: "工作简报", number: "第5期", issuer: "区文明办", date: "2024年3月1日"))
    }

    /// A notice that mentions 第二期 under a salutation has no masthead.
    func testASalutationAboveAnIssueNumberIsNoMasthead() {
        let blocks = page(["关于举办培训班的通知", "各街道、乡镇：", "第二期"])
        XCTAssertFalse(blocks.contains { $0.role == .title }, "\(blocks.map(\.role))")
    }

    /// `（责任单位：区民政局）` on its own line is part of a task list, not an attribution; a unit name
    /// in brackets is.
    func testOnlyAUnitNameInBracketsIsAPlainAttribution() {
        let blocks = page(["工作简报", "第5期", "区文明办", "2024年3月1日", "（责任单位：区民政局）", "（门头沟区文明办）"], body: 1)
        let roles = Dictionary(blocks.map { (BulletinPatterns.trimmed($0.paragraph.text), $0.role) }) { first, _ in first }
        XCTAssertEqual(roles["（责任单位：区民政局）"], .paragraph)
        XCTAssertEqual(roles["（门头沟区文明办）"], .attribution)
    }

    /// An issuer on a line of its own, then an editor and the date: the date is taken, the editor
    /// kept with the lines above the title.
    func testADateAfterTheIssuerIsTakenFromItsLine() {
        let block = SyntheticPage.classified
        let masthead = IssueRecovery.masthead([block("简报", .title), block("第2期", .mastheadLine),
                                               block("区委办公室", .mastheadLine), block("编印 张三　2024年3月1日", .mastheadLine)])
        XCTAssertEqual(masthead, Masthead(title: "简报", number: "第2期", issuer: "区委办公室", date: "2024年3月1日",
                                          extraLines: ["编印 张三"]))
    }
}
