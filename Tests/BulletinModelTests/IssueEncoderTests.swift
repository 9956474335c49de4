import BulletinModel
import TestSupport
import XCTest

final class IssueEncoderTests: XCTestCase {
    private func roundTrip(_ issue: Issue, file: StaticString = #filePath, line: UInt = #line) throws {
        let json = IssueEncoder.encode(issue)
        let decoded = try IssueDecoder.decode(Array(json.utf8), file: "encoded.json")
        XCTAssertEqual(decoded.value.issue, issue, file: file, line: line)
        XCTAssertEqual(decoded.warnings, [], file: file, line: line)
    }

    func testFullIssueRoundTrips() throws {
        try roundTrip(Fixtures.fullIssue)
        // Encoding is a fixed point: decoding and encoding again changes nothing.
        let json = IssueEncoder.encode(Fixtures.fullIssue)
        let again = try IssueDecoder.decode(Array(json.utf8), file: "x").value.issue
        XCTAssertEqual(IssueEncoder.encode(again), json)
    }

    func testMinimalIssueRoundTrips() throws {
        let issue = try IssueDecoder.decode(Array(Fixtures.minimalIssueJSON.utf8), file: "x").value.issue
        try roundTrip(issue)
    }

    func testExactOutput() {
        let issue = Issue(
            masthead: Masthead(title: "简报", number: "第1期", issuer: "办公室", date: "2020年1月1日"),
            sections: [Section(column: "要闻", articles: [
                Article(headline: "标题", blocks: [
                    .heading(Heading(label: "一、", text: "概况")),
                    .heading(Heading(label: "1.", text: "细节", level: 2)),
                    .paragraph(Paragraph("正文“引号”\"和\\/")),
                    .paragraph(Paragraph(runs: [Run("题。", role: .title), Run("正文")])),
                    .note(Paragraph("注：无")),
                ], attribution: "办公室"),
            ])],
            footer: [FooterField(label: "责编", value: "张三")],
            distribution: Distribution(lines: [DistributionLine(label: "报", text: "领导。")], printRun: "共印10份"))
        XCTAssertEqual(IssueEncoder.encode(issue), #"""
        {
          "masthead": {
            "title": "简报",
            "number": "第1期",
            "issuer": "办公室",
            "date": "2020年1月1日"
          },
          "sections": [
            {
              "column": "要闻",
              "articles": [
                {
                  "headline": "标题",
                  "blocks": [
                    {"heading": "概况", "label": "一、"},
                    {"heading": "细节", "label": "1.", "level": 2},
                    "正文“引号”\"和\\/",
                    {"paragraph": [{"title": "题。"}, "正文"]},
                    {"note": "注：无"}
                  ],
                  "attribution": "办公室"
                }
              ]
            }
          ],
          "footer": [
            {"label": "责编", "value": "张三"}
          ],
          "distribution": {
            "lines": [
              {"label": "报", "text": "领导。"}
            ],
            "printRun": "共印10份"
          }
        }

        """#)
    }

    func testControlCharactersAreEscaped() {
        let issue = Issue(masthead: Masthead(title: "a\tb\n\u{1}\u{7F}", number: "1", issuer: "i", date: "d"),
                          sections: [])
        XCTAssertTrue(IssueEncoder.encode(issue).contains(#""title": "a\tb\n\u0001\u007F""#))
    }

    func testC1ControlsAreEscapedAndOtherLatin1IsNot() {
        let issue = Issue(masthead: Masthead(title: "x\u{85}y\u{9F}é\u{A0}", number: "1", issuer: "i", date: "d"),
                          sections: [])
        XCTAssertTrue(IssueEncoder.encode(issue).contains(#""title": "x\u0085y\u009Fé\#u{A0}""#))
    }

    /// The pieces an issue is written in while it is recovered give `encode`'s bytes; with an
    /// indent, every line after the first is indented by it (the issue inside extract's JSON).
    func testPiecesGiveTheEncodedIssue() {
        var random = SplitMix64(seed: 7)
        var issues = (0 ..< 50).map { _ in randomIssue(&random) }
        issues.append(Issue(masthead: Fixtures.fullIssue.masthead,
                            sections: [Section(column: "空栏", articles: [])] + Fixtures.fullIssue.sections))
        for issue in issues {
            for indent in ["", "  "] {
                var pieces = IssueEncoder.Pieces(masthead: issue.masthead, indent: indent)
                var output = pieces.opening()
                for section in issue.sections {
                    output += pieces.section(column: section.column)
                    for article in section.articles { output += pieces.article(article) }
                }
                output += pieces.closing(footer: issue.footer, distribution: issue.distribution)
                let expected = IssueEncoder.encode(issue).dropLast().replacingOccurrences(of: "\n", with: "\n" + indent)
                XCTAssertEqual(output, expected)
                XCTAssertEqual(pieces.sectionCount, issue.sections.count)
            }
        }
    }

    func testNonASCIIIsWrittenAsIs() {
        let json = IssueEncoder.encode(Fixtures.fullIssue)
        XCTAssertTrue(json.contains("😀 罕见字𠀀也可以。"))
        XCTAssertFalse(json.contains("\\u"))
        XCTAssertTrue(json.hasSuffix("}\n"))
    }

    func testGeneratedIssuesRoundTrip() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0 ..< 200 {
            try roundTrip(randomIssue(&random))
        }
    }

    // MARK: A small generator of valid issues

    private func randomIssue(_ random: inout SplitMix64) -> Issue {
        let pieces = ["文明", "创建", "2020年", "第33期", "“引号”", "\"", "\\", "a b", "😀", "𠀀", "　", " ", "，"]
        func text() -> String {
            // Valid text has no surrounding whitespace; inner spaces are content.
            let inner = (0 ..< random.next(upTo: 4)).map { _ in pieces[random.next(upTo: pieces.count)] }.joined()
            return "甲" + inner + "乙"
        }
        func maybe(_ make: () -> String) -> String? { random.next(upTo: 2) == 0 ? nil : make() }
        func paragraph() -> Paragraph {
            let roles = Run.Role.allCases
            return Paragraph(runs: (0 ... random.next(upTo: 3)).map { _ in Run(text(), role: roles[random.next(upTo: roles.count)]) })
        }
        func block() -> Block {
            switch random.next(upTo: 3) {
            case 0: return .paragraph(paragraph())
            case 1: return .note(paragraph())
            default:
                let label = ["一、", "（一）", "1.", "（1）", nil][random.next(upTo: 5)]
                return .heading(Heading(label: label, text: text(), level: random.next(upTo: 2) == 0 ? nil : 1 + random.next(upTo: 4)))
            }
        }
        func article() -> Article {
            Article(kicker: maybe(text), headline: maybe(text), subtitle: maybe(text),
                    editorsNote: random.next(upTo: 2) == 0 ? nil : paragraph(),
                    blocks: (0 ... random.next(upTo: 3)).map { _ in block() }, attribution: maybe(text))
        }
        let masthead = Masthead(title: text(), number: text(), totalNumber: maybe(text), issuer: text(), date: text(),
                                extraLines: (0 ..< random.next(upTo: 3)).map { _ in text() })
        let sections = (0 ... random.next(upTo: 2)).map { _ in
            Section(column: maybe(text), articles: (0 ... random.next(upTo: 2)).map { _ in article() })
        }
        let footer = (0 ..< random.next(upTo: 3)).map { _ in FooterField(label: text(), value: text()) }
        let distribution = random.next(upTo: 2) == 0 ? nil : Distribution(
            lines: (0 ..< random.next(upTo: 3)).map { _ in DistributionLine(label: text(), text: text()) },
            printRun: maybe(text), notes: (0 ..< random.next(upTo: 2)).map { _ in text() })
        return Issue(masthead: masthead, sections: sections, footer: footer, distribution: distribution)
    }
}
