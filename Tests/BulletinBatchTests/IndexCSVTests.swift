@testable import BulletinBatch
import XCTest

/// RFC 4180 output of the index.
final class IndexCSVTests: XCTestCase {
    func testQuotingFollowsRFC4180() {
        XCTAssertEqual(IndexCSV.quoted("第33期"), "第33期")
        XCTAssertEqual(IndexCSV.quoted("a,b"), "\"a,b\"")
        XCTAssertEqual(IndexCSV.quoted("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(IndexCSV.quoted("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(IndexCSV.quoted("cr\r\nlf"), "\"cr\r\nlf\"")
        XCTAssertEqual(IndexCSV.quoted(""), "")
    }

    func testRowsAndHeaderWithCRLF() {
        let summary = IssueSummary(title: "简报", number: "第33期", totalNumber: "总第2142期", date: "2020年7月7日",
                                   isoDate: "2020-07-07", articles: ["标题一，含逗号", "标题\"二\""])
        let undated = IssueSummary(title: "简报", number: "增刊第1期", totalNumber: nil, date: "七月", isoDate: nil, articles: [])
        let text = IndexCSV.render([IndexCSV.Row(summary: summary, pages: 5, pdf: "out/2020/033.pdf"),
                                    IndexCSV.Row(summary: undated, pages: 1, pdf: "out/x.pdf")])
        XCTAssertEqual(text, "issue,total_number,date,titles,pages,pdf\r\n"
                       + "第33期,总第2142期,2020-07-07,\"标题一，含逗号；标题\"\"二\"\"\",5,out/2020/033.pdf\r\n"
                       + "增刊第1期,,七月,,1,out/x.pdf\r\n")
        XCTAssertEqual(Array(IndexCSV.bytes([]).prefix(3)), [0xEF, 0xBB, 0xBF])
    }
}
