import BulletinImport
import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// The bulletins written for the variants the seeds lack (Tests/Fixtures/import): each is read
/// into the structure it has, with its guesses logged.
final class VariantTests: XCTestCase {
    private func load(_ name: String) throws -> Warned<ImportResult> {
        try ImportFixtures.importing(ImportFixtures.syntheticPath(name))
    }

    private func paragraphText(_ block: Block) -> String? {
        if case .paragraph(let p) = block { return p.text }
        return nil
    }

    func testChineseNumeralsExtraLinesAndIssuerSuffix() throws {
        let result = try load("chinese-numerals")
        let m = result.value.issue.masthead
        XCTAssertEqual(m, Masthead(title: "文明创建工作动态", number: "第九期", totalNumber: "总第一百二十三期",
                                   issuer: "北京市朝阳区精神文明建设办公室编", date: "二〇二一年六月十八日",
                                   extraLines: ["内部资料　注意保存"]))
        XCTAssertEqual(Numbering.value(of: m.number), 9)
        XCTAssertEqual(Numbering.value(of: m.totalNumber!), 123)
        XCTAssertEqual(result.value.suggestedName, "2021-009")
        let article = result.value.issue.sections[0].articles[0]
        XCTAssertEqual(article.headline, "朝阳区扎实推进新时代文明实践中心建设")
        XCTAssertEqual(article.attribution, "朝阳区文明办")
        XCTAssertEqual(article.blocks.count, 3)
        let third = try XCTUnwrap(paragraphText(article.blocks[2]))
        XCTAssertTrue(third.contains("持续扩大。第三，强化队伍建设"), "a line starting with 。 continues the sentence")
        XCTAssertTrue(third.contains("培养骨干1200余名"), "a page break before a digit is healed")
        XCTAssertTrue(paragraphText(article.blocks[1])!.contains("社区（村）实践站覆盖率达到100%"))
        XCTAssertEqual(result.value.issue.footer, [FooterField(label: "责编", value: "王晓明"),
                                                   FooterField(label: "核稿", value: "李䶮"),
                                                   FooterField(label: "电话", value: "010-65094321")])
        let labels = result.value.notes.filter { $0.rule == .runInLabel }.map(\.before)
        XCTAssertEqual(labels, ["第一，", "第二，"])
        XCTAssertEqual(result.value.notes.filter { $0.rule == .pageBreak }.count, 2)
    }

    func testIssuerAndDateOnOneLineYearIssueNumberAndVerbatimNumbers() throws {
        let result = try load("issuer-date-one-line")
        let issue = result.value.issue
        XCTAssertEqual(issue.masthead, Masthead(title: "创文简报", number: "2021年第5期", issuer: "首都精神文明办",
                                                date: "2021年3月15日"))
        XCTAssertTrue(result.value.notes.contains { $0.after == "issuer and date on one line" })
        XCTAssertEqual(issue.sections.map(\.column), ["创城动态"])
        let articles = issue.sections[0].articles
        XCTAssertEqual(articles.map(\.attribution), ["西城区文明办", "海淀区委社会工委"])
        guard case .paragraph(let first) = articles[0].blocks[0] else { return XCTFail() }
        XCTAssertEqual(first.runs[0], Run("西城区开展“文明餐桌”专项行动。", role: .title))
        for verbatim in ["1,200余家", "每天10:30至13:30", "www.bjxch.gov.cn", "wmcz_xc@163.com", "倡导“光盘”新风尚。"] {
            XCTAssertTrue(first.text.contains(verbatim), verbatim)
        }
        guard case .paragraph(let second) = articles[1].blocks[0] else { return XCTFail() }
        XCTAssertTrue(second.text.hasSuffix("4.6万小时（截至3月10日）。"), second.text)
        XCTAssertTrue(second.text.contains("“V蓝北京”志愿者2800余名"))
        XCTAssertEqual(issue.footer.last, FooterField(label: "邮箱", value: "jswmzhxhc@163.com"))
        XCTAssertEqual(result.warnings, [])
    }

    func testSeveralColumnsOfShortHeadlineArticles() throws {
        let result = try load("columns")
        let sections = result.value.issue.sections
        XCTAssertEqual(sections.map(\.column), ["志愿服务", "文明实践"])
        XCTAssertEqual(sections.map(\.articles.count), [3, 3])
        XCTAssertEqual(sections.flatMap(\.articles).map(\.headline), [
            "东城区开展“学雷锋”志愿服务进社区活动", "丰台区志愿者助力垃圾分类", "石景山区“石景山老街坊”志愿者服务队成立",
            "顺义区新时代文明实践大集走进乡村", "延庆区打造“文明实践+”特色品牌", "通州区开展“文明实践进万家”主题活动",
        ])
        XCTAssertEqual(sections.flatMap(\.articles).map(\.attribution),
                       ["东城区文明办", "丰台区城市管理委", nil, nil, "延庆区委宣传部", "通州区文明办"])
        XCTAssertTrue(sections.flatMap(\.articles).allSatisfy { $0.blocks.count == 1 })
        XCTAssertEqual(result.value.notes.filter { $0.after == "an article without attribution" }.count, 2)
        XCTAssertEqual(result.warnings, [])
    }

    func testSupplementEditorsNotePrintRunAndNotes() throws {
        let result = try load("supplement")
        let issue = result.value.issue
        XCTAssertEqual(issue.masthead.number, "增刊第3期")
        XCTAssertNil(issue.masthead.totalNumber)
        XCTAssertEqual(result.value.suggestedName, "2022-S003")
        let article = issue.sections[0].articles[0]
        XCTAssertEqual(article.headline, "推进“文明驾车 礼让行人”专项行动")
        XCTAssertEqual(article.editorsNote?.text,
                       "编者按：近日，首都文明委部署开展“文明驾车 礼让行人”专项行动。现将有关情况刊发，供各单位学习借鉴。")
        XCTAssertEqual(article.blocks.count, 2)
        XCTAssertEqual(article.blocks[1], .note(Paragraph("注：数据截至2022年9月底。")))
        XCTAssertEqual(article.attribution, "首都文明办宣传教育处")
        XCTAssertEqual(issue.distribution, Distribution(
            lines: [DistributionLine(label: "报", text: "中央文明办。"), DistributionLine(label: "送", text: "首都文明委委员。"),
                    DistributionLine(label: "发", text: "各区文明办。")],
            printRun: "共印200份", notes: ["本期增发：各区创城办。"]))
        // The note stood above the headline and the print run before 本期增发: both are printed
        // elsewhere, and the moves are explained.
        let moves = result.value.notes.filter { $0.rule == .move }
        XCTAssertTrue(moves.contains { $0.before.hasPrefix("编者按") && $0.after.isEmpty })
        XCTAssertTrue(moves.contains { $0.before.isEmpty && $0.after.hasPrefix("编者按") })
        XCTAssertTrue(moves.contains { $0.before == "共印200份" || $0.after == "共印200份" })
    }

    func testHeadingsOfEveryLevelAndMergedKickerHeadline() throws {
        let result = try load("headings")
        let article = result.value.issue.sections[0].articles[0]
        XCTAssertEqual(article.kicker, "党建引领 共建共享")
        XCTAssertEqual(article.headline, "朝阳区“文明社区”创建工作综述")
        XCTAssertEqual(article.subtitle, "——来自朝阳区的调研报告")
        let headings = article.blocks.compactMap { block -> Heading? in
            if case .heading(let h) = block { return h }
            return nil
        }
        XCTAssertEqual(headings, [Heading(label: "一、", text: "基本情况"), Heading(label: "二、", text: "主要做法"),
                                  Heading(label: "（一）", text: "强化组织领导"), Heading(label: "（二）", text: "创新工作机制"),
                                  Heading(label: "1.", text: "建立“街乡吹哨、部门报到”机制")])
        XCTAssertEqual(headings.map(\.level), [1, 1, 2, 2, 3])
        XCTAssertEqual(paragraphText(article.blocks.last!), "（1）完善考核办法。年初制定考核细则，将群众满意度作为重要指标，考核结果与评先评优挂钩。")
        XCTAssertTrue(result.value.notes.contains { $0.after == "kicker and headline on one line" && !$0.uncertain },
                      "split at the widest gap")
    }

    func testArticlesWithoutAttribution() throws {
        let result = try load("no-attribution")
        let articles = result.value.issue.sections[0].articles
        XCTAssertEqual(articles.count, 3)
        XCTAssertTrue(articles.allSatisfy { $0.attribution == nil && $0.headline != nil && $0.blocks.count == 1 })
        XCTAssertEqual(result.value.issue.sections[0].column, "清明祭英烈")
    }

    func testCRLFLineEndingsGiveTheSameIssue() throws {
        let crlf = try load("crlf")
        XCTAssertEqual(crlf.value.issue, try load("columns").value.issue)
        XCTAssertTrue(crlf.value.notes.contains { $0.rule == .lineEnding && $0.before == "CRLF" })
        XCTAssertFalse(crlf.value.normalizedText.contains("\r"))
    }

    func testGB18030BytesGiveTheSameIssue() throws {
        let gb = try load("gb18030")
        XCTAssertEqual(gb.value.encoding, .gb18030)
        XCTAssertEqual(gb.value.issue, try load("chinese-numerals").value.issue)
        XCTAssertEqual(gb.value.issue.footer[1].value, "李䶮", "a character outside GBK (four bytes in GB18030)")
    }

    /// Every synthetic fixture round-trips through the issue JSON and renders.
    func testSyntheticIssuesEncodeDecodeAndRender() throws {
        let session = try RenderSession(home: Repository.root, systemFallback: false)
        for name in ImportFixtures.synthetic {
            let issue = try load(name).value.issue
            let json = Array(IssueEncoder.encode(issue).utf8)
            let decoded = try IssueDecoder.decode(json, file: name)
            XCTAssertEqual(decoded.value.issue, issue, name)
            XCTAssertEqual(decoded.warnings, [], name)
            XCTAssertNoThrow(try session.render(issueJSON: json, file: name), name)
        }
    }
}
