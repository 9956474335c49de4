import BulletinCheck
import BulletinFonts
import BulletinLayout
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// The checker must find each rule's violation in a deliberately bad page, and nothing in good ones.
final class TypographyCheckerTests: XCTestCase {
    let cell = 15.79
    let left = 79.37
    var right: Double { left + 28 * cell }

    /// One line record; a page of these is a hand-made "layout".
    private func record(_ text: String, page: Int = 0, line: Int, index: Int = 0, count: Int = 1,
                        role: LineRecord.Role = .paragraph, justified: Bool = false, end: Double? = nil,
                        breakAtSpace: Bool = false) -> LineRecord {
        LineRecord(page: page, baseline: 120 + Double(line) * 29, left: left, right: end ?? right,
                   measureLeft: left, measureRight: right, text: text, role: role, path: "p\(role)\(count)",
                   index: index, count: count, justified: justified, breakAtSpace: breakAtSpace, cell: cell)
    }

    private func list(_ records: [LineRecord], runs: [GlyphRun] = [], pages: Int = 1) throws -> DisplayList {
        let face = try Typesetting.fonts.face(named: "FandolFang-Regular.otf")
        var displayPages = (0..<pages).map { _ in DisplayPage(width: 595, height: 842) }
        for run in runs { displayPages[0].items.append(.glyphs(run)) }
        return DisplayList(pages: displayPages, fonts: [face],
                           metadata: DocumentMetadata(title: "", author: "", subject: "", keywords: "", creator: "",
                                                      creationDate: ""),
                           outline: [], lineRecords: records)
    }

    private func rules(_ list: DisplayList) -> [Violation.Rule] { TypographyChecker().check(list).map(\.rule) }

    func testProhibitedLineStartAndEnd() throws {
        let bad = try list([record("文明创建“", line: 0, index: 0, count: 2),
                            record("，工作", line: 1, index: 1, count: 2)])
        XCTAssertEqual(Set(rules(bad)), [.prohibitedLineEnd, .prohibitedLineStart])
    }

    func testSplitDash() throws {
        let bad = try list([record("这是—", line: 0, index: 0, count: 2), record("—破折号", line: 1, index: 1, count: 2)])
        XCTAssertTrue(rules(bad).contains(.splitDashOrEllipsis))
    }

    func testFullLineOffTheGridEdge() throws {
        let bad = try list([record("满行", line: 0, index: 0, count: 2, justified: true, end: 400),
                            record("末行", line: 1, index: 1, count: 2)])
        XCTAssertEqual(rules(bad), [.lineOffGridEdge])
        let good = try list([record("满行", line: 0, index: 0, count: 2, justified: true, end: right + 0.005),
                             record("末行", line: 1, index: 1, count: 2)])
        XCTAssertEqual(rules(good), [])
    }

    func testLonelyLastCharacter() throws {
        let bad = try list([record("前面的一行文字", line: 0, index: 0, count: 2), record("字。", line: 1, index: 1, count: 2)])
        XCTAssertEqual(rules(bad), [.lonelyLastCharacter])
        let good = try list([record("前面的一行文", line: 0, index: 0, count: 2), record("文字。", line: 1, index: 1, count: 2)])
        XCTAssertEqual(rules(good), [])
    }

    func testWidowAndOrphan() throws {
        let orphan = try list([record("首行", page: 0, line: 21, index: 0, count: 3),
                               record("次行", page: 1, line: 0, index: 1, count: 3),
                               record("末行。", page: 1, line: 1, index: 2, count: 3)], pages: 2)
        XCTAssertEqual(rules(orphan), [.orphanLine])
        let widow = try list([record("首行", page: 0, line: 20, index: 0, count: 3),
                              record("次行", page: 0, line: 21, index: 1, count: 3),
                              record("末行。", page: 1, line: 0, index: 2, count: 3)], pages: 2)
        XCTAssertEqual(rules(widow), [.widowLine])
    }

    func testHeadingLastOnPage() throws {
        let bad = try list([record("一、标题", page: 0, line: 21, role: .heading),
                            record("正文。", page: 1, line: 0)], pages: 2)
        XCTAssertEqual(rules(bad), [.headingLastOnPage])
    }

    func testBrokenWesternWord() throws {
        let bad = try list([record("邮箱abc", line: 0, index: 0, count: 2), record("def结束", line: 1, index: 1, count: 2)])
        XCTAssertEqual(rules(bad), [.brokenWesternWord])
        let good = try list([record("word", line: 0, index: 0, count: 2, breakAtSpace: true),
                             record("next", line: 1, index: 1, count: 2)])
        XCTAssertEqual(rules(good), [])
    }

    func testUnevenSpacingAndMissingGlyph() throws {
        let text = "文明创建"
        let clusters = Array(repeating: TextCluster(bytes: 3, glyphs: 1), count: 4)
        let even = GlyphRun(font: 0, size: 16, color: .black, x: left, y: 120, glyphs: (0..<4).map {
            PlacedGlyph(id: 100, x: Double($0) * cell, y: 0) }, text: text, clusters: clusters)
        var uneven = even
        uneven.glyphs[3].x += 4
        let justified = record(text, line: 0, index: 0, count: 2, justified: true)
        let last = record("完毕。", line: 1, index: 1, count: 2)
        XCTAssertEqual(rules(try list([justified, last], runs: [even])), [])
        XCTAssertEqual(rules(try list([justified, last], runs: [uneven])), [.unevenSpacing])
        var missing = even
        missing.glyphs[1].id = 0
        XCTAssertEqual(rules(try list([justified, last], runs: [missing])), [.missingGlyph])
    }

    func testSamplesHaveNoViolations() throws {
        let typesetter = try Typesetting.typesetter()
        for sample in Repository.samples {
            let issue = try IssueDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: sample))), file: sample)
            let violations = TypographyChecker().check(typesetter.layout(issue.value.issue).value)
            XCTAssertEqual(violations.map(\.description), [], sample)
        }
    }
}
