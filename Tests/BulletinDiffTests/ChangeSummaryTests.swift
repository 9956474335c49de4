import BulletinDiff
import XCTest

/// Naming what changed from the text lines of two versions: every kind of change, on lines built
/// by hand (16 pt lines 29 pt apart, as in the default layout).
final class ChangeSummaryTests: XCTestCase {
    /// Lines of one page from texts, top to bottom, with a page number at the foot.
    static func page(_ page: Int, _ texts: [String], top: Double = 100, folio: Bool = true) -> [TextLine] {
        var lines = texts.enumerated().map { index, text in
            TextLine(page: page, baseline: top + Double(index) * 29, left: 79.27, right: 79.27 + Double(text.count) * 16,
                     size: 16, text: text)
        }
        if folio { lines.append(TextLine(page: page, baseline: 774.84, left: 265, right: 330, size: 14, text: "— \(page + 1) —")) }
        return lines
    }

    func testOneChangedLineIsNamedWithItsText() {
        let base = Self.page(0, ["首都文明委自二〇二〇年起", "建立重点工作项目台账制度", "每年年初确定工作项目"])
        let new = Self.page(0, ["首都文明委自二〇二〇年起", "建立重点工作任务台账制度", "每年年初确定工作项目"])
        let changes = ChangeSummary.textChanges(base: base, new: new)
        XCTAssertEqual(changes.map(\.description), ["p1 line 2 text changed: “建立重点工作项目台账制度” → “建立重点工作任务台账制度”"])
        XCTAssertEqual(changes[0].kind, .textChanged)
        XCTAssertEqual(changes[0].lines, LineSpan(firstPage: 1, firstLine: 2, lastPage: 1, lastLine: 2))
    }

    func testLongLinesAreExcerptedAroundTheChange() {
        let before = "近年来北京市深入贯彻落实习近平总书记关于精神文明建设的重要论述大力推进全域创建全国文明城区奋力奏响迎接"
        let after = before.replacingOccurrences(of: "大力推进", with: "全力推动")
        let changes = ChangeSummary.textChanges(base: Self.page(0, [before]), new: Self.page(0, [after]))
        XCTAssertEqual(changes.map(\.description), ["p1 line 1 text changed: “…设的重要论述大力推进全域创建全国…” → “…设的重要论述全力推动全域创建全国…”"])
    }

    func testSameTextBrokenDifferentlyIsAReflow() {
        let base = Self.page(0, ["第一段", "甲乙丙丁戊己", "庚辛壬癸", "第二段"])
        let new = Self.page(0, ["第一段", "甲乙丙丁", "戊己庚辛壬癸", "第二段"])
        let changes = ChangeSummary.textChanges(base: base, new: new)
        XCTAssertEqual(changes.map(\.description), ["p1 lines 2–3 reflowed (same text, 2 → 2 lines): “甲乙丙丁”"])
        XCTAssertEqual(changes[0].kind, .reflowed)
    }

    func testAnInsertedLineIsAddedAndWhatFollowsMovesDown() {
        let base = Self.page(0, ["标题", "第一行", "第二行", "第三行"])
        let new = Self.page(0, ["标题", "新增的一行", "第一行", "第二行", "第三行"])
        XCTAssertEqual(ChangeSummary.textChanges(base: base, new: new).map(\.description), [
            "p1 line 2 added: “新增的一行”",
            "p1 lines 3–5 moved down by 29 pt: “第一行”",
        ])
    }

    func testARemovedLineAndLinesMovingUp() {
        let base = Self.page(0, ["标题", "删去的一行", "第一行", "第二行"])
        let new = Self.page(0, ["标题", "第一行", "第二行"])
        XCTAssertEqual(ChangeSummary.textChanges(base: base, new: new).map(\.description), [
            "p1 line 2 removed (base): “删去的一行”",
            "p1 lines 2–3 moved up by 29 pt: “第一行”",
        ])
    }

    func testALinePushedOntoTheNextPageIsNotConfusedByPageNumbers() {
        // The last line of p1 goes to the top of p2; both pages keep their page numbers.
        let base = Self.page(0, ["甲", "乙", "丙"]) + Self.page(1, ["丁", "戊"])
        let new = Self.page(0, ["新", "甲", "乙"]) + Self.page(1, ["丙", "丁", "戊"])
        XCTAssertEqual(ChangeSummary.textChanges(base: base, new: new).map(\.description), [
            "p1 line 1 added: “新”",
            "p1 lines 2–3 moved down by 29 pt: “甲”",
            "p2 line 1 moved from p1 line 3: “丙”",
            "p2 lines 2–3 moved down by 29 pt: “丁”",
        ])
    }

    func testChangedPageNumber() {
        let base = Self.page(0, ["甲"])
        var new = base
        new[1].text = "— 2 —"
        XCTAssertEqual(ChangeSummary.textChanges(base: base, new: new).map(\.description),
                       ["p1 line 2 page number changed: “— 1 —” → “— 2 —”"])
    }

    func testHorizontalMove() {
        let base = Self.page(0, ["甲乙"], folio: false)
        var new = base
        new[0].left += 32
        XCTAssertEqual(ChangeSummary.textChanges(base: base, new: new).map(\.description), ["p1 line 1 moved right by 32 pt: “甲乙”"])
    }

    func testNothingChanged() {
        let lines = Self.page(0, ["甲", "乙"])
        XCTAssertEqual(ChangeSummary.textChanges(base: lines, new: lines), [])
    }

    func testRegionsAreExplainedByLinesOrNamed() {
        let base = Self.page(0, ["甲乙丙", "丁戊己"], folio: false)
        var new = base
        new[1].text = "丁戊庚"
        let known = ChangeSummary.textChanges(base: base, new: new)
        // At 72 dpi a pixel is a point. Line 1's box: y 85.9–101.9; line 2's: y 114.9–130.9.
        let overLine2 = DiffRegion(rect: PixelRect(x: 120, y: 116, width: 16, height: 14), differingPixels: 50)
        let overLine1 = DiffRegion(rect: PixelRect(x: 90, y: 88, width: 10, height: 10), differingPixels: 20)
        let blank = DiffRegion(rect: PixelRect(x: 100, y: 400, width: 300, height: 2), differingPixels: 600)
        let changes = ChangeSummary.regions([overLine1, overLine2, blank], page: 0, pointsPerPixel: 1, base: base, new: new,
                                            known: known)
        XCTAssertEqual(changes.map(\.description), [
            "p1 line 1 drawn differently (same text, same place): “甲乙丙”",
            "changed region 100,400–400,402 pt on p1",
        ])
        // Without a scale nothing can be matched to lines: regions in pixels.
        XCTAssertEqual(ChangeSummary.regions([blank], page: 1, pointsPerPixel: nil, base: [], new: [], known: []).map(\.description),
                       ["changed region 100,400–400,402 px on p2"])
    }

    func testRunsOnOneBaselineMakeOneLine() {
        let lines = TextLine.lines(from: [
            TextLine.Run(page: 0, baseline: 248.45, left: 406.45, right: 500, size: 16, text: "2020年7月7日"),
            TextLine.Run(page: 0, baseline: 248.45, left: 79.27, right: 190, size: 16, text: "首都精神文明办"),
            TextLine.Run(page: 0, baseline: 197.46, left: 217.15, right: 390, size: 16, text: "第33期"),
        ])
        XCTAssertEqual(lines.map(\.text), ["第33期", "首都精神文明办2020年7月7日"])
        XCTAssertEqual(lines[1].left, 79.27)
        XCTAssertEqual(lines[1].right, 500)
    }
}
