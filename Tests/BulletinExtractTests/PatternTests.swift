@testable import BulletinExtract
import BulletinModel
import XCTest

/// The textual signatures of bulletin elements.
final class PatternTests: XCTestCase {
    func testMastheadParts() {
        XCTAssertTrue(BulletinPatterns.hasIssueNumber("第 33 期"))
        XCTAssertTrue(BulletinPatterns.hasIssueNumber("2021年第九期"))
        XCTAssertFalse(BulletinPatterns.hasIssueNumber("第一，压实各方责任"))
        XCTAssertEqual(BulletinPatterns.splitTotal("第12期（总第2178期）").number, "第12期")
        XCTAssertEqual(BulletinPatterns.splitTotal("第12期（总第2178期）").total, "总第2178期")
        XCTAssertEqual(BulletinPatterns.splitTotal("(总第 2142 期)").total, "总第 2142 期")
        XCTAssertEqual(BulletinPatterns.splitTotal("(总第 2142 期)").number, "")
        XCTAssertEqual(BulletinPatterns.splitIssuerDate("首都精神文明办 2020年7月7日")?.issuer, "首都精神文明办")
        XCTAssertEqual(BulletinPatterns.splitIssuerDate("首都精神文明办　二〇二〇年七月七日")?.date, "二〇二〇年七月七日")
        XCTAssertTrue(BulletinPatterns.isDate("2020 年 7 月 7 日"))
        XCTAssertFalse(BulletinPatterns.isDate("7月7日"))
    }

    func testLabelsColumnsAttributionsHeadings() {
        XCTAssertEqual(BulletinPatterns.labelled("报：中央文明办。")?.label, "报")
        XCTAssertEqual(BulletinPatterns.labelled("邮箱:a@b.com")?.value, "a@b.com")
        XCTAssertNil(BulletinPatterns.labelled("第一，压实：各方"))
        XCTAssertEqual(BulletinPatterns.column("【文明创建】"), "文明创建")
        XCTAssertNil(BulletinPatterns.column("【甲】乙【丙】"))
        XCTAssertEqual(BulletinPatterns.attribution("（海淀区文明办）"), "海淀区文明办")
        XCTAssertNil(BulletinPatterns.attribution("（一是加强领导，二是落实责任。）"))
        XCTAssertEqual(BulletinPatterns.headingLabel("一、2020年台账完成情况")?.label, "一、")
        XCTAssertEqual(BulletinPatterns.headingLabel("（二）强化宣传")?.label, "（二）")
        XCTAssertEqual(BulletinPatterns.headingLabel("1. 坚持")?.rest, "坚持")
        XCTAssertNil(BulletinPatterns.headingLabel("2020年台账"))
        XCTAssertEqual(FooterFields.split("责编：梅雪峰　　核稿：田文松　　电话：55569506"),
                       ["责编：梅雪峰", "核稿：田文松", "电话：55569506"])
    }

    /// A row of footer fields is fields only: text before the first label makes it no row (it
    /// would be lost from the issue's footer, which holds fields).
    func testAFooterRowIsFieldsOnly() {
        XCTAssertTrue(BlockClassifier.isFooter("责编：梅雪峰　　核稿：田文松　　电话：55569506"))
        XCTAssertTrue(BlockClassifier.isFooter("电话:55569506"))
        XCTAssertFalse(BlockClassifier.isFooter("文 台工：〇1汇点各作自项"))
        XCTAssertFalse(BlockClassifier.isFooter("工作要求 落实：到位"))
    }

    /// A masthead line whose field is already filled (a number printed twice) is kept with the
    /// lines above the title, not dropped.
    func testARepeatedMastheadFieldIsKeptAsAnExtraLine() {
        let block = SyntheticPage.classified
        let blocks = [block("内部资料", .mastheadExtra), block("简报", .title), block("第2期", .mastheadLine),
                      block("首都精神文明办", .mastheadLine), block("第3期", .mastheadLine), block("2020年7月7日", .mastheadLine),
                      block("首都文明委", .mastheadLine)]
        let masthead = IssueRecovery.masthead(blocks)
        XCTAssertEqual(masthead, Masthead(title: "简报", number: "第2期", issuer: "首都精神文明办", date: "2020年7月7日",
                                          extraLines: ["内部资料", "第3期", "首都文明委"]))
    }

    /// A date's year is one kind of numerals, spaces allowed: a name ending in a Chinese numeral
    /// before an Arabic year is not part of the date.
    func testADateStartsAtItsYear() {
        XCTAssertEqual(BulletinPatterns.splitIssuerDate("编印 张三　2024年3月1日")?.date, "2024年3月1日")
        XCTAssertEqual(BulletinPatterns.splitIssuerDate("首都精神文明办 2 0 2 0 年 7 月 7 日")?.date, "2 0 2 0 年 7 月 7 日")
        XCTAssertEqual(BulletinPatterns.splitIssuerDate("区委办公室 二〇二〇年七月七日")?.issuer, "区委办公室")
    }

    func testTrailingAttributionOnlyAfterASentence() {
        XCTAssertEqual(BulletinPatterns.trailingAttribution("纪律严明。(海淀区文明办)")?.unit, "海淀区文明办")
        XCTAssertEqual(BulletinPatterns.trailingAttribution("再上新台阶。 （精神文明综合协调处）")?.before, "再上新台阶。")
        XCTAssertNil(BulletinPatterns.trailingAttribution("依据《北京市条例(试行)》"))
        XCTAssertNil(BulletinPatterns.trailingAttribution("成立了工作专班(区文明办)"))
    }

    func testPageNumbers() {
        for yes in ["— 3 —", "- 3 -", "第3页", "3", "第 3 页 共 5 页", "3 / 5", "－12－"] {
            XCTAssertTrue(FurnitureFilter.isPageNumber(yes), yes)
        }
        for no in ["第三页", "2020年", "3.5", "共5页", "— —"] { XCTAssertFalse(FurnitureFilter.isPageNumber(no), no) }
    }
}
