import BulletinImport
import BulletinModel
import Foundation
import XCTest

/// The rules of bulletin-format.md §1–§2 one by one, on small inputs: each paragraph goes into a
/// minimal bulletin and comes back as the model has it.
final class RuleTests: XCTestCase {
    private static let masthead = "简报\n\n第1期\n\n某某办公室\n\n2021年1月5日\n\n"

    private func body(_ lines: String) throws -> (issue: Issue, result: Warned<ImportResult>) {
        let result = try Importer.importIssue(Array((Self.masthead + lines + "\n").utf8), file: "rule.txt")
        return (result.value.issue, result)
    }

    /// The text of the single paragraph the line gives.
    private func paragraph(_ line: String) throws -> String {
        let issue = try body("标题一\n\n" + line).issue
        guard case .paragraph(let p) = issue.sections[0].articles[0].blocks[0] else { throw XCTSkip("not a paragraph") }
        return p.text
    }

    func testPunctuationWidthByContext() throws {
        XCTAssertEqual(try paragraph("中国,北京;上海:广州?深圳!"), "中国，北京；上海：广州？深圳！")
        XCTAssertEqual(try paragraph("共计 1,000 人,时间 10:30 开始。"), "共计1,000人，时间10:30开始。")
        XCTAssertEqual(try paragraph("出台《办法(试行)》, 见 http://www.bj.gov.cn/a?b=1,c 。"),
                       "出台《办法（试行）》，见http://www.bj.gov.cn/a?b=1,c。")
        XCTAssertEqual(try paragraph("他说 Hello, world (in English) 然后离开。"), "他说Hello, world (in English)然后离开。")
        XCTAssertEqual(try paragraph("来信请寄 a.b-c@x.org.cn,谢谢。"), "来信请寄a.b-c@x.org.cn，谢谢。")
        XCTAssertEqual(try paragraph("半角括号(配对)与全角括号（配对)混用。"), "半角括号（配对）与全角括号（配对）混用。")
    }

    func testArtifactSpacesGoMeaningfulSpacesStay() throws {
        XCTAssertEqual(try paragraph("2020 年 7 月共 280 余人, 增长 45.5% 。"), "2020年7月共280余人，增长45.5%。")
        XCTAssertEqual(try paragraph("开展“文明驾车 礼让行人”专项行动。"), "开展“文明驾车 礼让行人”专项行动。")
        XCTAssertEqual(try paragraph("使用 Microsoft Word 软件。"), "使用Microsoft Word软件。")
        XCTAssertEqual(try paragraph("100% 做到了,“7+1”模式。"), "100%做到了，“7+1”模式。")
        XCTAssertEqual(try paragraph("两个空格  2020年。"), "两个空格  2020年。", "only a single space is an artifact")
        XCTAssertEqual(try paragraph("报道(Xinhua)。"), "报道（Xinhua）。")
        XCTAssertEqual(try paragraph("制表符\t隔开的短语。"), "制表符 隔开的短语。", "a kept tab becomes a space")
    }

    func testSpaceKeptInABodySentenceIsAnUncertainGuess() throws {
        let result = try body("标题一\n\n" + String(repeating: "内容", count: 25) + "。长句中间 有一个空格,可能是提取错误。").result
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertTrue(result.warnings[0].message.contains("space between Chinese phrases"), result.warnings[0].description)
    }

    func testPageBreakRule() throws {
        let long = "为进一步巩固农村人居环境整治成果,门头沟区相继出台考评核查办法,建立社区农村文明创建"
        XCTAssertEqual(try body("标题一\n\n" + long + "\n\n工作奖惩机制。").issue.sections[0].articles[0].blocks.count, 1,
                       "joined mid-word")
        // A short line before the break is not a body paragraph: not joined. It reads as a headline,
        // and as it has a comma (it could be a paragraph cut by a page break), that is a warning.
        let short = try body("标题一\n\n正文。\n\n短的一行,没有句号\n\n下一段。")
        XCTAssertEqual(short.issue.sections[0].articles.map(\.headline), ["标题一", "短的一行，没有句号"])
        XCTAssertEqual(short.result.warnings.count, 1)
        XCTAssertTrue(short.result.warnings[0].message.contains("headline"), short.result.warnings[0].description)
        // The next line starts a structure: not joined, and the guess says why.
        let (issue, result) = try body("标题一\n\n" + long + "\n\n二、下一个标题\n\n正文。")
        XCTAssertEqual(issue.sections[0].articles[0].blocks.count, 3)
        XCTAssertTrue(result.value.notes.contains { $0.rule == .pageBreak && $0.after == "paragraph end" })
        // A line starting with a mark that only continues a sentence is joined even after a short line.
        XCTAssertEqual(try paragraph("短句\n\n，接着写完。"), "短句，接着写完。")
    }

    func testAttributionsOwnLineOrInlineEitherWidthWithOrWithoutSpace() throws {
        for (text, unit) in [("正文。\n\n(海淀区文明办)", "海淀区文明办"), ("正文。\n\n（海淀区文明办）", "海淀区文明办"),
                             ("正文。(海淀区文明办)", "海淀区文明办"), ("正文。 （精神文明综合协调处）", "精神文明综合协调处"),
                             ("正文。\n\n( 区委宣传部 )", "区委宣传部"), ("正文。（市发展改革委）", "市发展改革委")] {
            let article = try body("标题一\n\n" + text).issue.sections[0].articles[0]
            XCTAssertEqual(article.attribution, unit, text)
            XCTAssertEqual(article.blocks, [.paragraph(Paragraph("正文。"))], text)
        }
        // Never on (试行)》 in a sentence, nor on a bracket that is not a unit.
        let article = try body("标题一\n\n印发《办法(试行)》。(试行)").issue.sections[0].articles[0]
        XCTAssertNil(article.attribution)
        XCTAssertEqual(try paragraph("印发《办法(试行)》等文件。"), "印发《办法（试行）》等文件。")
        XCTAssertNil(try body("标题一\n\n人数达到历史新高。（详见附表）").issue.sections[0].articles[0].attribution)
    }

    func testRunInTitleSubLeadAndBold() throws {
        let issue = try body("**某区建立奖惩机制。**为巩固成果,**带头参与疫情防控。**主动作为,**重点**突出。\n\n(某区文明办)").issue
        guard case .paragraph(let p) = issue.sections[0].articles[0].blocks[0] else { return XCTFail() }
        XCTAssertEqual(p.runs, [Run("某区建立奖惩机制。", role: .title), Run("为巩固成果，"), Run("带头参与疫情防控。", role: .lead),
                                Run("主动作为，"), Run("重点", role: .bold), Run("突出。")])
    }

    func testKickerHeadlineSubtitleAndTheMergedForm() throws {
        func header(_ lines: String) throws -> Article { try body(lines + "\n\n正文内容。").issue.sections[0].articles[0] }
        var a = try header("常态化推进 项目化落实\n\n《首都文明委重点工作项目台账》凝聚齐创共建工作力量")
        XCTAssertEqual([a.kicker, a.headline], ["常态化推进 项目化落实", "《首都文明委重点工作项目台账》凝聚齐创共建工作力量"])
        a = try header("常态化推进 项目化落实 《首都文明委重点工作项目台账》凝聚齐创共建工作力量")
        XCTAssertEqual([a.kicker, a.headline], ["常态化推进 项目化落实", "《首都文明委重点工作项目台账》凝聚齐创共建工作力量"])
        a = try header("文明驾车 礼让行人")
        XCTAssertEqual([a.kicker, a.headline], [nil, "文明驾车 礼让行人"], "one headline with a space in it")
        a = try header("聚焦创城 海淀区开展“文明餐桌”行动取得明显成效")
        XCTAssertEqual([a.kicker, a.headline], ["聚焦创城", "海淀区开展“文明餐桌”行动取得明显成效"])
        a = try header("海淀区开展“文明餐桌”行动\n\n——记海淀区文明办")
        XCTAssertEqual([a.kicker, a.headline, a.subtitle], [nil, "海淀区开展“文明餐桌”行动", "——记海淀区文明办"])
    }

    func testHeadingsAndRunInLabels() throws {
        let blocks = try body("标题一\n\n一、 总体情况\n\n（一）组织领导\n\n(二)工作机制\n\n1. 建立台账\n\n（1）细化责任\n\n"
                              + "第一,压实责任。正文。\n\n1.2万名志愿者参加。\n\n2. 完善制度。各单位要建立制度。").issue.sections[0].articles[0].blocks
        XCTAssertEqual(blocks, [
            .heading(Heading(label: "一、", text: "总体情况")), .heading(Heading(label: "（一）", text: "组织领导")),
            .heading(Heading(label: "（二）", text: "工作机制")), .heading(Heading(label: "1.", text: "建立台账")),
            .heading(Heading(label: "（1）", text: "细化责任")),
            .paragraph(Paragraph("第一，压实责任。正文。")), .paragraph(Paragraph("1.2万名志愿者参加。")),
            .paragraph(Paragraph("2.完善制度。各单位要建立制度。")),
        ])
    }

    func testFooterVariantsAndDistribution() throws {
        let issue = try body("标题一\n\n正文。\n\n责编：张三    核稿: 李四\n\n电话:010-1234 5678\n\nE-mail:abc@x.cn\n\n"
                             + "报:中央文明办。\n\n发:各区文明办。    (共印 150 份)").issue
        XCTAssertEqual(issue.footer, [FooterField(label: "责编", value: "张三"), FooterField(label: "核稿", value: "李四"),
                                      FooterField(label: "电话", value: "010-1234 5678"), FooterField(label: "E-mail", value: "abc@x.cn")])
        XCTAssertEqual(issue.distribution?.lines.map(\.text), ["中央文明办。", "各区文明办。"])
        XCTAssertEqual(issue.distribution?.printRun, "（共印150份）")
    }

    func testMastheadVariants() throws {
        func masthead(_ text: String) throws -> Masthead {
            try Importer.importIssue(Array((text + "\n\n标题\n\n正文。\n").utf8), file: "m.txt").value.issue.masthead
        }
        XCTAssertEqual(try masthead("机密★\n\n**情况通报**\n\n第三十三期(总第 2142 期)\n\n某某委员会办公室 编印\n\n二〇二〇年十二月三十一日"),
                       Masthead(title: "情况通报", number: "第三十三期", totalNumber: "总第2142期", issuer: "某某委员会办公室 编印",
                                date: "二〇二〇年十二月三十一日", extraLines: ["机密★"]))
        XCTAssertEqual(try masthead("工作简报\n\n增刊\n\n第2期\n\n总第88期\n\n2020年7月7日　某某办"),
                       Masthead(title: "工作简报", number: "增刊第2期", totalNumber: "总第88期", issuer: "某某办", date: "2020年7月7日"))
        XCTAssertEqual(try masthead("工作简报\n\n内部资料\n\n第2期\n\n某某办  2020年7月7日"),
                       Masthead(title: "工作简报", number: "第2期", issuer: "某某办", date: "2020年7月7日", extraLines: ["内部资料"]))
    }

    func testNumberingConsistencyWarning() throws {
        let text = "首都精神文明建设情况简报\n\n第 33 期\n\n(总第 2143 期)\n\n首都精神文明办\n\n2020 年 7 月 7 日\n\n标题\n\n正文。\n"
        let result = try Importer.importIssue(Array(text.utf8), file: "n.txt")
        XCTAssertEqual(result.warnings.map(\.message), ["masthead numbering: 总第2143 − 第33 = 2110, but issues of "
                                                        + "首都精神文明建设情况简报 in 2020 have 2109"])
        let m = { (n: String, t: String) in Masthead(title: "简报", number: n, totalNumber: t, issuer: "办", date: "2021年1月1日") }
        let warnings = Numbering.check([("a", m("第1期", "总第101期")), ("b", m("第2期", "总第102期")), ("c", m("第3期", "总第104期"))])
        XCTAssertEqual(warnings.map(\.file), ["c"])
        XCTAssertEqual(Numbering.value(of: "总第一千零八期"), 1008)
        XCTAssertEqual(Numbering.value(of: "2021年第十二期"), 12)
    }
}
