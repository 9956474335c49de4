import BulletinExtract
import BulletinPDFReader
import TestSupport
import XCTest

/// Pages set in columns are read column by column (`ReadingOrder`); tables, field rows and page
/// furniture keep their row order and roles.
final class ColumnTests: XCTestCase {
    /// Sets paragraphs of Chinese filler into columns, as a typesetter fills them: `rows` lines a
    /// column, the first line of a paragraph indented two characters, a paragraph running on from
    /// the foot of one column to the head of the next.
    struct ColumnSetter {
        var lefts: [Double]
        var perLine: Int
        var rows: Int
        var top = 120.0
        var size = 12.0
        var pitch = 20.0
        /// Added to every baseline of a column (columns whose baselines do not line up).
        var offsets: [Double] = []

        /// Sets the paragraphs (character counts) and returns their text; ends after the last
        /// column's last row at the latest.
        func set(_ counts: [Int], on page: inout SyntheticPage) -> [String] {
            var column = 0, row = 0
            var texts: [String] = []
            for (k, count) in counts.enumerated() {
                let text = Array(BodyText.characters(count - 1, offset: 7 * k) + "。")
                texts.append(String(text))
                var i = 0
                var first = true
                while i < text.count {
                    precondition(column < lefts.count, "the paragraphs do not fit")
                    let room = first ? perLine - 2 : perLine
                    let line = String(text[i..<min(text.count, i + room)])
                    let offset = column < offsets.count ? offsets[column] : 0
                    page.text(line, x: lefts[column] + (first ? 2 * size : 0),
                              baseline: top + Double(row) * pitch + offset, size: size)
                    i += room
                    first = false
                    row += 1
                    if row == rows { row = 0; column += 1 }
                }
            }
            return texts
        }
    }

    private func paragraphs(_ page: SyntheticPage) -> [String] {
        TextWriter.write(Extractor.extract([page.content])).trimmingCharacters(in: .newlines)
            .components(separatedBy: "\n\n")
    }

    private func lines(_ page: SyntheticPage) -> [TextLine] {
        Extractor.extract([page.content]).pages[0].lines
    }

    /// Two columns of 18 characters (216 pt) with a 24 pt gutter; a title over both.
    private func twoColumnPage(top: Double = 120, offsets: [Double] = []) -> (SyntheticPage, [String]) {
        var page = SyntheticPage(0)
        page.text("两栏简报", x: 253.5, baseline: top - 40, size: 22)
        let setter = ColumnSetter(lefts: [70, 310], perLine: 18, rows: 16, top: top, offsets: offsets)
        // 16 rows a column: the second paragraph runs from the left column into the right one.
        let body = setter.set([100, 230, 60, 120], on: &page)
        return (page, ["两栏简报"] + body)
    }

    func testTwoColumnsAreReadColumnByColumn() {
        let (page, expected) = twoColumnPage()
        XCTAssertEqual(paragraphs(page), expected)
        // The title is in the page's measure; every body line in a column, the left one first.
        let lines = lines(page)
        XCTAssertNil(lines[0].column)
        XCTAssertEqual(lines.dropFirst().filter { $0.column == nil }.count, 0)
        XCTAssertEqual(Set(lines.map(\.flow)), [0, 1, 2])
        XCTAssertEqual(lines[1...16].map(\.x0).max() ?? 0, 70 + 24, accuracy: 0.01)
        XCTAssertEqual(lines[17].column?.left ?? 0, 310, accuracy: 0.01)
    }

    func testColumnsWhoseBaselinesDoNotLineUp() {
        // The right column 9 pt lower: its rows and the left column's alternate down the page.
        let (page, expected) = twoColumnPage(offsets: [0, 9])
        XCTAssertEqual(paragraphs(page), expected)
    }

    func testFullWidthTextAfterTheColumnsComesAfterBoth() {
        var (page, expected) = twoColumnPage()
        // A closing paragraph across the whole measure, below both columns.
        let closing = BodyText.characters(60, offset: 3) + "。"
        page.text(String(closing.prefix(38)), x: 70, baseline: 120 + 17 * 20 + 10, size: 12)
        page.text(String(closing.dropFirst(38)), x: 70, baseline: 120 + 18 * 20 + 10, size: 12)
        expected.append(closing)
        XCTAssertEqual(paragraphs(page), expected)
    }

    func testThreeColumnsUnderATitleOverTheMiddleOne() {
        var page = SyntheticPage(0)
        // Columns of 12 characters (144 pt), gutters of 18 pt: the middle column spans 232–376 and
        // the centred title (282–326) crosses no gutter; it is still read first, though it stands
        // as close to the columns as a heading might (two lines) and away from the page's edge.
        page.text("首都精神文明建设情况简报", x: 70, baseline: 60, size: 12)
        page.text("三栏", x: 282, baseline: 180, size: 22)
        let setter = ColumnSetter(lefts: [70, 232, 394], perLine: 12, rows: 12, top: 220)
        let body = setter.set([50, 90, 40, 100, 70], on: &page)
        XCTAssertEqual(paragraphs(page), ["首都精神文明建设情况简报", "三栏"] + body)
    }

    /// LaTeX's two columns: a 10 pt gutter, 0.83 em of the 12 pt text, and a 16 pt section head in
    /// the right column level with a left line — 0.6 of its own em from the left column. The head
    /// does not close the gutter: the columns are still read one after the other.
    func testAHeadingBesideANarrowGutterKeepsTheColumns() {
        var page = SyntheticPage(0)
        let left = ColumnSetter(lefts: [70], perLine: 18, rows: 14).set([250], on: &page)
        page.text("二、工作安排", x: 296, baseline: 120 + 20 * 4 + 2, size: 16)
        let right = ColumnSetter(lefts: [296], perLine: 18, rows: 8, top: 120 + 20 * 6).set([140], on: &page)
        let above = ColumnSetter(lefts: [296], perLine: 18, rows: 3).set([50], on: &page)
        XCTAssertEqual(paragraphs(page), left + above + ["二、工作安排"] + right)
    }

    /// A figure's caption at the head of the right column, a blank under it five rows deep, the
    /// column's text after it; the left column runs on beside them. The blank does not end the
    /// columns: the left column is read whole, not cut where the caption ends.
    func testABlankUnderACaptionBesideARunningColumnKeepsTheColumns() {
        var page = SyntheticPage(0)
        let left = ColumnSetter(lefts: [70], perLine: 18, rows: 16).set([280], on: &page)
        let caption = Array("图1" + BodyText.characters(62, offset: 5) + "。")
        for row in 0..<4 {
            page.text(String(caption[(18 * row)..<min(caption.count, 18 * row + 18)]), x: 310, baseline: 120 + 20 * Double(row), size: 12)
        }
        let right = ColumnSetter(lefts: [310], perLine: 18, rows: 7, top: 120 + 20 * 9).set([120], on: &page)
        XCTAssertEqual(paragraphs(page), left + [String(caption)] + right)
    }

    /// A column of prose beside a code listing and its caption, as a paper sets a figure: the right
    /// side does not read as prose, yet the page is read column by column — and the listing at the
    /// head of the right column, all in another face, is not read into the paragraph the left
    /// column leaves open (it goes on under the caption).
    func testAColumnOfProseBesideACodeListingIsReadColumnByColumn() {
        var page = SyntheticPage(0)
        let text = Array(BodyText.characters(299, offset: 3) + "。")
        // 16 rows of 18 characters from x = 70, the first indented two: 286 characters.
        var start = 0
        for row in 0..<16 {
            let room = row == 0 ? 16 : 18
            page.text(String(text[start..<(start + room)]), x: row == 0 ? 94 : 70, baseline: 120 + 20 * Double(row), size: 12)
            start += room
        }
        let code = ["1 for (var i = 2; i < 100; ++i) {", "2 if (!primes[i])", "3 continue;", "4 }"]
        for (row, line) in code.enumerated() {
            page.text(line, x: 310, baseline: 120 + 20 * Double(row), size: 12, font: "Courier")
        }
        let caption = Array("图1：" + BodyText.characters(30, offset: 9) + "。")
        page.text(String(caption[..<18]), x: 310, baseline: 120 + 20 * 5, size: 12)
        page.text(String(caption[18...]), x: 310, baseline: 120 + 20 * 6, size: 12)
        page.text(String(text[286...]), x: 310, baseline: 120 + 20 * 8, size: 12)
        let result = paragraphs(page)
        XCTAssertEqual(result.first, String(text[..<286]))
        XCTAssertEqual(Array(result.dropFirst().prefix(code.count)), code)
        XCTAssertEqual(Array(result.suffix(2)), [String(caption), String(text[286...])])
    }

    /// Prose beside a narrow column of figures (a table's last column) is not two columns of text:
    /// the rows keep their order.
    func testProseBesideANarrowColumnOfFiguresKeepsRowOrder() {
        var page = SyntheticPage(0)
        for row in 0..<12 {
            let y = 120 + 20 * Double(row)
            page.text(BodyText.characters(24, offset: row), x: 70, baseline: y, size: 12)
            page.text("\(row * 37 + 5).5%", x: 400, baseline: y, size: 12, font: "Courier")
        }
        XCTAssertTrue(lines(page).allSatisfy { $0.column == nil })
        XCTAssertEqual(lines(page).count, 12)
    }

    func testTableRowsKeepTheirOrder() {
        var page = SyntheticPage(0)
        BodyText.paragraph(90, on: &page, baseline: 100)
        let rows = [("东城区", "社区报到", "一百二十个"), ("西城区", "文明实践", "九十八个"), ("朝阳区", "垃圾分类", "二百零五个"),
                    ("海淀区", "项目台账", "一百六十个"), ("丰台区", "双报到", "八十七个"), ("石景山区", "门前三包", "六十四个")]
        for (k, row) in rows.enumerated() {
            let y = 220 + Double(k) * 24
            page.text(row.0, x: 80, baseline: y)
            page.text(row.1, x: 220, baseline: y)
            page.text(row.2, x: 400, baseline: y)
        }
        let texts = lines(page).map(\.text)
        for (k, row) in rows.enumerated() {
            XCTAssertEqual(texts[texts.count - rows.count + k], "\(row.0) \(row.1) \(row.2)")
        }
        XCTAssertTrue(lines(page).allSatisfy { $0.column == nil })
    }

    func testFieldRowsOfTheFooterKeepTheirOrder() {
        var page = SyntheticPage(0)
        let end = BodyText.paragraph(200, on: &page, baseline: 100)
        let fields = [("编辑：张三", "电话：66158888"), ("审核：李四", "传真：66150000"), ("印发：王五", "邮箱：wmb@bj.gov.cn"),
                      ("校对：赵六", "地址：东城区正义路")]
        for (k, field) in fields.enumerated() {
            page.text(field.0, x: 80, baseline: end + 40 + Double(k) * 29)
            page.text(field.1, x: 330, baseline: end + 40 + Double(k) * 29)
        }
        XCTAssertEqual(Array(paragraphs(page).suffix(4)), fields.map { "\($0.0) \($0.1)" })
    }

    func testWideFieldsOfEqualLengthKeepTheirOrder() {
        var page = SyntheticPage(0)
        let end = BodyText.paragraph(200, on: &page, baseline: 100)
        // Four rows of fields as wide as a column and all of one length: labels mark them fields.
        let fields = [("联系电话：010-66158888", "电子邮箱：wmb1@bj.gov.cn"), ("传真号码：010-66150000", "电子邮箱：wmb2@bj.gov.cn"),
                      ("值班电话：010-66151111", "电子邮箱：wmb3@bj.gov.cn"), ("办公电话：010-66152222", "电子邮箱：wmb4@bj.gov.cn")]
        for (k, field) in fields.enumerated() {
            page.text(field.0, x: 80, baseline: end + 40 + Double(k) * 29)
            page.text(field.1, x: 300, baseline: end + 40 + Double(k) * 29)
        }
        XCTAssertEqual(Array(paragraphs(page).suffix(4)), fields.map { "\($0.0) \($0.1)" })
    }

    /// The rows of one page of `spread`: a label and two numbers of varied lengths (a table, whose
    /// cells do not end in line as prose does).
    private func spreadRows(_ half: Int) -> [(String, String, String)] {
        (0..<8).map { k in (half == 0 ? "收益项目\(k)" : "权益变动\(k)", "\(k * k * 137 + 5 + half)", "\(40_000 / (k + 1) + half)") }
    }

    /// A landscape sheet (A3) of two pages side by side, each a title over table rows: no column
    /// band forms (tables do not read as prose), but the empty strip down the middle makes it a
    /// spread, read half by half.
    private func spread(ruleAcross: Bool = false, width: Double = 1190, height: Double = 842) -> SyntheticPage {
        var page = SyntheticPage(0)
        page.width = width
        page.height = height
        for (half, left) in [70.0, 665.0].enumerated() {
            page.text(half == 0 ? "综合收益表" : "权益变动表", x: left, baseline: 80, size: 18)
            for (k, row) in spreadRows(half).enumerated() {
                let y = 130 + Double(k) * 24
                page.text(row.0, x: left, baseline: y, size: 12)
                page.text(row.1, x: left + 300, baseline: y, size: 12)
                page.text(row.2, x: left + 400, baseline: y, size: 12)
            }
        }
        if ruleAcross { page.rules.append(PDFRule(x0: 70, y0: 100, x1: 1120, y1: 100, thickness: 0.5, color: .black)) }
        return page
    }

    func testTheTwoPagesOfASpreadAreReadOneAfterTheOther() {
        let rows = (0..<2).map { spreadRows($0).map { "\($0.0) \($0.1) \($0.2)" } }
        XCTAssertEqual(lines(spread()).map(\.text), ["综合收益表"] + rows[0] + ["权益变动表"] + rows[1])
        XCTAssertEqual(Set(lines(spread()).map(\.flow)).count, 2, "one flow a page")
    }

    /// Not a spread: the halves' rows are one table's. Its rows end within the 15 % that ragged prose
    /// may leave, so each half would pass for a column of text; both halves being made of narrow
    /// columns (labels, figures) keeps them in row order.
    func testARuleAcrossTheSheetOrAPortraitPageKeepsTheTableInRowOrder() {
        let rows = zip(spreadRows(0), spreadRows(1)).map { "\($0.0) \($0.1) \($0.2) \($1.0) \($1.1) \($1.2)" }
        // A rule over the whole width: one table with a wide empty column, not two pages.
        XCTAssertEqual(lines(spread(ruleAcross: true)).map(\.text), ["综合收益表 权益变动表"] + rows)
        // The same rows on a portrait sheet are not a spread either.
        XCTAssertEqual(lines(spread(width: 1190, height: 1684)).map(\.text), ["综合收益表 权益变动表"] + rows)
    }

    func testAPageNumberUnderTheLeftColumnIsStillFurniture() {
        // Columns down to 700 pt; `— 3 —` flush left 2.25 lines below the left column, in the
        // page's outer seventh: furniture, never the left column's last line.
        var (page, expected) = twoColumnPage(top: 400)
        page.text("— 3 —", x: 70, baseline: 745, size: 12)
        XCTAssertEqual(paragraphs(page), expected)
        XCTAssertEqual(lines(page).last?.furniture, .pageNumber)
    }

    func testOneColumnPagesAreOneFlow() {
        var page = SyntheticPage(0)
        var y = BodyText.paragraph(120, on: &page, baseline: 100)
        // An issuer left and a date right: one line with a field gap, not two columns.
        page.text("首都精神文明办", x: 80, baseline: y + 10)
        page.text("2020年7月7日", x: 400, baseline: y + 10)
        y = BodyText.paragraph(200, on: &page, baseline: y + 50)
        let lines = lines(page)
        XCTAssertTrue(lines.allSatisfy { $0.flow == 0 && $0.column == nil })
        XCTAssertTrue(lines.contains { $0.text == "首都精神文明办 2020年7月7日" })
    }

    func testJSONListsLinesInReadingOrderWithTheirColumn() throws {
        let (page, _) = twoColumnPage()
        let json = try XCTUnwrap(try? ExtractFormat.json.render(Extractor.extract([page.content]), file: "p.pdf").get())
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lines = try XCTUnwrap((root["pages"] as? [[String: Any]])?.first?["lines"] as? [[String: Any]])
        XCTAssertNil(lines[0]["column"], "the title is in the page's measure")
        let columns = lines.dropFirst().compactMap { $0["column"] as? [Double] }
        XCTAssertEqual(columns.count, lines.count - 1)
        // The left column's 16 lines, then the right column's.
        XCTAssertEqual(columns.prefix(16).map { $0[0] }, Array(repeating: 70, count: 16))
        XCTAssertEqual(columns.dropFirst(16).map { $0[0] }, Array(repeating: 310, count: columns.count - 16))
        XCTAssertEqual(columns[0][1], 70 + 18 * 12, accuracy: 0.01)
    }

    func testRandomLayoutsLoseNoCharacter() {
        // 300 pages of one to three columns of random widths, gutters (some too narrow to be
        // gutters), baselines offsets and ragged line lengths: every character comes out once.
        var random = SplitMix64(seed: 20261121)
        for trial in 0..<300 {
            var page = SyntheticPage(0)
            let columns = Int.random(in: 1...3, using: &random)
            let size = Double(Int.random(in: 9...16, using: &random))
            let perLine = Int.random(in: 6...(36 / columns), using: &random)
            let gutter = Double.random(in: 0...40, using: &random)
            var expected: [Character] = []
            // Wide enough for the columns: a glyph off the page would be left out.
            page.width = max(page.width, 100 + Double(columns) * (Double(perLine) * size + gutter))
            for column in 0..<columns {
                let left = 50 + Double(column) * (Double(perLine) * size + gutter)
                let offset = Double.random(in: 0...size, using: &random)
                for row in 0..<Int.random(in: 0...30, using: &random) {
                    let count = Int.random(in: 1...perLine, using: &random)
                    let text = BodyText.characters(count, offset: 13 * row + column)
                    page.text(text, x: left + size * Double(perLine - count) * (row % 3 == 0 ? 1 : 0),
                              baseline: 80 + Double(row) * size * 1.5 + offset, size: size)
                    expected += Array(text)
                }
            }
            let lines = Extractor.extract([page.content]).pages.flatMap(\.lines)
            let out = lines.flatMap { Array($0.text) }.filter { $0 != " " && $0 != "\u{3000}" }
            XCTAssertEqual(out.sorted(), expected.sorted(), "trial \(trial)")
        }
    }

    /// Chromium's print of three pages in columns (Tests/Fixtures/extract/columns, made by
    /// scripts/make-column-fixture.py): two columns with headings between a full-width introduction
    /// and closing paragraph, three columns under a title, English in two justified columns.
    func testChromiumColumnsAreReadExactly() throws {
        try assertFixture("columns")
    }

    /// Vertical writing (`writing-mode: vertical-rl`): columns of text running down, read right to
    /// left (the page is turned, `PageOrientation`).
    func testChromiumVerticalWritingIsReadExactly() throws {
        try assertFixture("vertical")
    }

    private func assertFixture(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let directory = Repository.path("Tests/Fixtures/extract/columns")
        let truth = try String(contentsOfFile: "\(directory)/truth-\(name).txt", encoding: .utf8)
        let text = TextWriter.write(Extractor.extract(try PDFDocument(path: "\(directory)/chromium-\(name).pdf")))
        XCTAssertEqual(text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) },
                       truth.split(separator: "\n").map(String.init), file: file, line: line)
    }
}
