import BulletinFonts
import BulletinLayout
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// Layout rules checked on real fonts: kinsoku at line starts and ends, keep-with-next, the 版记
/// on the last page's foot, full-width quotes.
final class LayoutRulesTests: XCTestCase {
    func testQuotesAreFullWidthInTheBodyFont() throws {
        let fang = try Typesetting.fonts.face(named: "FandolFang-Regular.otf")
        for quote in "“”‘’" {
            let glyphs = fang.shape(String(quote), script: .han)
            XCTAssertEqual(glyphs.count, 1)
            XCTAssertEqual(glyphs[0].advance, 1.0, accuracy: 0.001, "“\(quote)” must take a full em in Chinese text")
        }
    }

    func testNoLineStartsWithClosingMarkOrEndsWithOpeningMark() throws {
        let typesetter = try Typesetting.typesetter()
        // Punctuation-dense text: every mark lands at many line positions as the prefix grows.
        let dense = "他说：“这是‘试验’。”（注意）《条例》【要点】，再看“七带头”、“十大文明行为”。"
        for shift in 0..<28 {
            let text = String(repeating: "文", count: shift) + String(repeating: dense, count: 4)
            let list = typesetter.layout(Typesetting.issue([Article(blocks: [.paragraph(Paragraph(text))])])).value
            for line in list.lines where line.size == 16 {
                let first = line.text.unicodeScalars.first!, last = line.text.unicodeScalars.last!
                XCTAssertFalse(Kinsoku.cannotStartLine(first, style: .gb), "shift \(shift): line starts with \(first): \(line.text)")
                XCTAssertFalse(Kinsoku.cannotEndLine(last, style: .gb), "shift \(shift): line ends with \(last): \(line.text)")
            }
        }
    }

    func testHeadingIsNeverLastOnAPage() throws {
        let typesetter = try Typesetting.typesetter()
        let heading = Heading(label: "一、", text: "标题应与下文同页")
        var checked = 0
        for fillerLength in stride(from: 200, through: 900, by: 23) {
            let article = Article(blocks: [.paragraph(Paragraph(Typesetting.filler(fillerLength))), .heading(heading),
                                           .paragraph(Paragraph(Typesetting.filler(120)))])
            let list = typesetter.layout(Typesetting.issue([article])).value
            let lines = list.lines.filter { $0.size == 16 }
            guard let index = lines.firstIndex(where: { $0.text == "一、标题应与下文同页" }) else {
                return XCTFail("heading not found")
            }
            XCTAssertTrue(index + 1 < lines.count && lines[index + 1].page == lines[index].page,
                          "filler \(fillerLength): heading is the last line of page \(lines[index].page + 1)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testImprintEndsOnTheTypeAreaBottomOfTheLastPage() throws {
        let typesetter = try Typesetting.typesetter()
        let spec = typesetter.spec
        let bottom = (spec.page.top + spec.page.typeAreaHeight) * 72 / 25.4
        for fillerLength in stride(from: 100, through: 1600, by: 75) {
            let list = typesetter.layout(Typesetting.issue([Article(blocks: [.paragraph(Paragraph(Typesetting.filler(fillerLength)))],
                                                                    attribution: "测试办")])).value
            let rules = list.rules.filter { $0.rule.color == .black }
            XCTAssertFalse(rules.isEmpty)
            XCTAssertTrue(rules.allSatisfy { $0.page == list.pages.count - 1 }, "版记 on the last page")
            let last = rules.max { $0.rule.y < $1.rule.y }!.rule
            XCTAssertEqual(last.y + last.thickness / 2, bottom, accuracy: 0.01, "filler \(fillerLength)")
            // Nothing of the body below the 版记's top rule.
            let top = rules.min { $0.rule.y < $1.rule.y }!.rule.y
            let bodyBelow = list.lines.filter { $0.page == list.pages.count - 1 && $0.size == 16 && $0.baseline > top }
            XCTAssertEqual(bodyBelow.map(\.text), [], "filler \(fillerLength)")
        }
    }

    func testBodyLinesFollowTheGrid() throws {
        let typesetter = try Typesetting.typesetter()
        let list = typesetter.layout(Typesetting.issue([Article(blocks: [.paragraph(Paragraph(Typesetting.filler(2000)))])])).value
        let pitch = 225.0 * 72 / 25.4 / 22
        let body = list.lines.filter { $0.size == 16 && $0.fonts.count == 1 }
        let pages = Dictionary(grouping: body, by: \.page)
        let lastPage = list.pages.count - 1
        for (page, lines) in pages where page > 0 && page < lastPage {
            XCTAssertGreaterThanOrEqual(lines.count, 21, "a full page holds 22 lines (page \(page + 1))")
            for pair in zip(lines, lines.dropFirst()) {
                XCTAssertEqual(pair.1.baseline - pair.0.baseline, pitch, accuracy: 0.02)
            }
        }
        // A full body line holds 28 characters (the first line: 26 after the indent).
        let full = body.filter { !$0.text.hasSuffix("。") && !$0.text.hasPrefix("【") && $0.x < 80 }
        XCTAssertGreaterThan(full.count, 50)
        XCTAssertTrue(full.allSatisfy { $0.text.count == 28 }, "\(full.map(\.text.count))")
    }
}

/// Text that no rule-abiding break can fit still stays on the page, and says so.
final class OverlongTextTests: XCTestCase {
    func testOverlongURLIsCutWithAWarningAndNothingLeavesTheMeasure() throws {
        let url = "https://www.example.gov.cn/" + String(repeating: "a", count: 120) + "/index.html"
        let marks = "“" + String(repeating: "。", count: 80) + "”"
        let issue = Typesetting.issue([Article(blocks: [.paragraph(Paragraph("访问" + url + "查询。")),
                                                         .paragraph(Paragraph("开头" + marks + "结尾。"))])])
        let result = try Typesetting.typesetter().layout(issue)
        XCTAssertEqual(result.warnings.count, 1, "\(result.warnings)")
        XCTAssertTrue(result.warnings[0].message.contains("is wider than the line"), result.warnings[0].message)
        XCTAssertEqual(result.warnings[0].path, "sections[0].articles[0].blocks[0]")
        for line in result.value.lineRecords {
            XCTAssertLessThanOrEqual(line.right, line.measureRight + 0.01, "runs off the page: \(line.text)")
        }
        // Nothing lost: the lines of each paragraph join back to its text.
        let paragraphs = Dictionary(grouping: result.value.lineRecords.filter { $0.role == .paragraph }, by: \.path)
        XCTAssertEqual(paragraphs["sections[0].articles[0].blocks[0]"]?.map(\.text).joined(), "访问" + url + "查询。")
        XCTAssertEqual(paragraphs["sections[0].articles[0].blocks[1]"]?.map(\.text).joined(), "开头" + marks + "结尾。")
    }
}
