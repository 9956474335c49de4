import BulletinModel
import XCTest

final class IssueDecoderTests: XCTestCase {
    // MARK: Helpers

    private func decode(_ json: String) throws(DiagnosticsError) -> Warned<DecodedIssue> {
        try IssueDecoder.decode(Array(json.utf8), file: "issue.json")
    }

    /// Every diagnostic for `json` (which must fail), as printed.
    private func diagnostics(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try decode(json)
            XCTFail("expected errors", file: file, line: line)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    private static let masthead = #"{"title": "简报", "number": "第1期", "issuer": "办公室", "date": "2020年1月1日"}"#

    /// An issue whose only block is `block`, all on line 1, and the column where `block` starts.
    private func issue(block: String) -> (json: String, column: Int) {
        let prefix = #"{"masthead": "# + Self.masthead + #", "sections": [{"articles": [{"blocks": ["#
        return (prefix + block + "]}]}]}", prefix.unicodeScalars.count + 1)
    }

    /// An issue whose masthead members are `members`, and the column where `members` start.
    private func issue(masthead members: String) -> (json: String, column: Int) {
        let prefix = #"{"masthead": {"#
        return (prefix + members + #"}, "sections": [{"articles": [{"blocks": ["正文。"]}]}]}"#,
                prefix.unicodeScalars.count + 1)
    }

    private let blockPath = "sections[0].articles[0].blocks[0]"

    // MARK: Valid input

    func testFullIssueDecodesToTheModel() throws {
        let result = try decode(Fixtures.fullIssueJSON)
        XCTAssertEqual(result.value.issue, Fixtures.fullIssue)
        XCTAssertEqual(result.warnings, [])
    }

    func testLocationsMapPathsToLineAndColumn() throws {
        let locations = try decode(Fixtures.fullIssueJSON).value.locations
        XCTAssertEqual(locations[""], SourceLocation(line: 1, column: 1, offset: 0))
        XCTAssertEqual(locations["masthead.title"]?.description, "4:14")
        XCTAssertEqual(locations["masthead.extraLines[0]"]?.description, "9:20")
        XCTAssertEqual(locations["sections[0].articles[0].editorsNote[1]"]?.description, "19:45")
        XCTAssertEqual(locations["sections[0].articles[0].blocks[0]"]?.description, "21:13")
        XCTAssertEqual(locations["sections[0].articles[0].blocks[2].level"]?.description, "23:58")
        XCTAssertEqual(locations["sections[0].articles[0].blocks[4].paragraph[2]"]?.description, "25:66")
        XCTAssertEqual(locations["sections[1].articles[0].blocks[0]"]?.description, "35:32")
        XCTAssertEqual(locations["distribution.printRun"]?.description, "44:17")
        let decoded = try decode(Fixtures.fullIssueJSON).value
        XCTAssertEqual(decoded.location(nearest: "sections[0].articles[0].blocks[0].paragraph[9]")?.description, "21:13")
        XCTAssertEqual(decoded.location(nearest: "nothing.here"), decoded.locations[""])
    }

    func testEveryPrintedItemPathHasALocation() throws {
        let decoded = try decode(Fixtures.fullIssueJSON).value
        for item in decoded.issue.printedItems {
            XCTAssertNotNil(decoded.locations[item.path], item.path)
        }
    }

    func testByteOrderMarkIsAccepted() throws {
        let data = [0xEF, 0xBB, 0xBF] + Array(Fixtures.minimalIssueJSON.utf8)
        XCTAssertEqual(try IssueDecoder.decode(data, file: "issue.json").value.issue.masthead.title, "简报")
    }

    // MARK: Many errors at once

    func testReportsEveryProblemInFileOrder() {
        let json = #"""
        {
          "masthead": {
            "titel": "简报",
            "number": 33,
            "issuer": "  办公室 ",
            "date": ""
          },
          "sections": [
            {
              "column": "文明\t创建",
              "articles": [
                {
                  "blocks": [
                    42,
                    {"heading": "标题", "level": 7},
                    {"paragraph": "段落", "note": "注"},
                    {"paragaph": "段落"},
                    {"paragraph": [{"bold": "粗"}, {"italic": "斜"}, "  "]}
                  ],
                  "attribution": null
                },
                {"blocks": []}
              ]
            }
          ],
          "footer": [{"label": "责编"}],
          "colour": "red"
        }
        """#
        let block = "a paragraph, heading or note (a string, or an object with \"paragraph\", \"heading\" or \"note\")"
        let article = "sections[0].articles[0]"
        XCTAssertEqual(diagnostics(json), [
            #"issue.json:2:15: masthead: missing required key "title""#,
            #"issue.json:3:5: masthead: unknown key "titel" (did you mean "title"?)"#,
            "issue.json:4:15: masthead.number: expected a string, found a number",
            "issue.json:5:15: masthead.issuer: warning: leading and trailing whitespace removed from text",
            "issue.json:6:13: masthead.date: expected text, found an empty string",
            "issue.json:10:17: sections[0].column: text contains control character U+0009 at character 3 "
                + "(line breaks and tabs are not allowed in text; start a new block for a new paragraph)",
            "issue.json:14:13: \(article).blocks[0]: expected \(block), found a number",
            "issue.json:15:40: \(article).blocks[1].level: expected a heading level from 1 to 4, found 7 "
                + "(1 for 一、, 2 for （一）, 3 for 1., 4 for （1）)",
            #"issue.json:16:13: \#(article).blocks[2]: expected \#(block), found an object with "paragraph" and "note" (use one object for each)"#,
            #"issue.json:17:13: \#(article).blocks[3]: expected \#(block), found an object with "paragaph" (did you mean "paragraph"?)"#,
            #"issue.json:18:43: \#(article).blocks[4].paragraph[1]: expected a run (a string, or an object with one key "bold", "title" or "lead"), found an object with "italic""#,
            "issue.json:18:60: \(article).blocks[4].paragraph[2]: expected text, found only whitespace",
            "issue.json:20:26: \(article).attribution: expected a string, found null",
            "issue.json:22:20: sections[0].articles[1].blocks: expected a non-empty array of blocks, found an empty array",
            #"issue.json:26:14: footer[0]: missing required key "value""#,
            #"issue.json:27:3: unknown key "colour" (allowed keys: "$schema", "masthead", "sections", "footer" and "distribution")"#,
        ])
    }

    func testDiagnosticFields() {
        do {
            _ = try decode(issue(block: "42").json)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1)
            let diagnostic = error.diagnostics[0]
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertEqual(diagnostic.file, "issue.json")
            XCTAssertEqual(diagnostic.line, 1)
            XCTAssertEqual(diagnostic.column, issue(block: "42").column)
            XCTAssertEqual(diagnostic.path, blockPath)
            XCTAssertNil(diagnostic.hint)
        }
    }

    // MARK: Each kind of problem

    func testSyntaxErrorIsOneLocatedDiagnostic() {
        XCTAssertEqual(diagnostics("{\n  \"masthead\": {\n    \"title\": \"简报\"\n    \"number\": \"1\"}}"),
                       ["issue.json:4:5: masthead.title: expected ',' or '}' after object member, found '\"'"])
        XCTAssertEqual(diagnostics(#"{"masthead": "中""#),
                       ["issue.json:1:17: masthead: expected ',' or '}' after object member, found end of input"])
    }

    func testWrongTopLevelAndMissingKeys() {
        XCTAssertEqual(diagnostics("[]"), ["issue.json:1:1: expected an object (the issue), found an empty array"])
        XCTAssertEqual(diagnostics("{}"), [#"issue.json:1:1: missing required key "masthead""#,
                                           #"issue.json:1:1: missing required key "sections""#])
    }

    func testWrongTypes() {
        let (json, column) = issue(masthead: #""title": ["简报"], "number": "第1期", "issuer": "办公室", "date": "2020年1月1日", "extraLines": "内部资料""#)
        let extraLinesColumn = column + #""title": ["简报"], "number": "第1期", "issuer": "办公室", "date": "2020年1月1日", "extraLines": "#.unicodeScalars.count
        XCTAssertEqual(diagnostics(json), [
            "issue.json:1:\(column + 9): masthead.title: expected a string, found an array",
            "issue.json:1:\(extraLinesColumn): masthead.extraLines: expected an array of strings, found a string",
        ])
        XCTAssertEqual(diagnostics(#"{"masthead": 1, "sections": {}}"#), [
            "issue.json:1:14: masthead: expected an object (the masthead), found a number",
            "issue.json:1:29: sections: expected a non-empty array of sections, found an empty object",
        ])
    }

    func testUnknownKeyHints() {
        let (json, column) = issue(masthead: #""title": "简报", "number": "第1期", "issuer": "办公室", "date": "2020年1月1日", "Total_Number": "总第1期""#)
        let keyColumn = column + #""title": "简报", "number": "第1期", "issuer": "办公室", "date": "2020年1月1日", "#.unicodeScalars.count
        XCTAssertEqual(diagnostics(json), [
            #"issue.json:1:\#(keyColumn): masthead: unknown key "Total_Number" (did you mean "totalNumber"?)"#,
        ])
        let (json2, column2) = issue(block: #"{"heading": "标题", "lable": "一、"}"#)
        XCTAssertEqual(diagnostics(json2), [
            #"issue.json:1:\#(column2 + 18): \#(blockPath): unknown key "lable" (did you mean "label"?)"#,
        ])
        let (json3, column3) = issue(block: #"{"paragraph": "段落", "style": "x"}"#)
        XCTAssertEqual(diagnostics(json3), [
            #"issue.json:1:\#(column3 + 20): \#(blockPath): unknown key "style" (allowed keys: "paragraph")"#,
        ])
    }

    func testBlockErrors() {
        let expected = #"expected a paragraph, heading or note (a string, or an object with "paragraph", "heading" or "note")"#
        let (json, column) = issue(block: "null")
        XCTAssertEqual(diagnostics(json), ["issue.json:1:\(column): \(blockPath): \(expected), found null"])
        let (json2, column2) = issue(block: "{}")
        XCTAssertEqual(diagnostics(json2), ["issue.json:1:\(column2): \(blockPath): \(expected), found an empty object"])
        let (json3, column3) = issue(block: #"{"heading": "标题", "level": 0}, {"heading": "标题", "level": 2.5}, {"heading": "标题", "level": "1"}"#)
        let levelMessage = "(1 for 一、, 2 for （一）, 3 for 1., 4 for （1）)"
        XCTAssertEqual(diagnostics(json3), [
            "issue.json:1:\(column3 + 27): \(blockPath).level: expected a heading level from 1 to 4, found 0 \(levelMessage)",
            "issue.json:1:\(column3 + 58): sections[0].articles[0].blocks[1].level: expected a heading level from 1 to 4, found 2.5 \(levelMessage)",
            "issue.json:1:\(column3 + 91): sections[0].articles[0].blocks[2].level: expected a heading level from 1 to 4, found a string \(levelMessage)",
        ])
    }

    func testRunAndParagraphErrors() {
        let (json, column) = issue(block: #"{"note": []}, {"paragraph": [{"bold": "粗", "title": "题"}]}, {"paragraph": [{"lead": 1}, true]}"#)
        let run = #"a run (a string, or an object with one key "bold", "title" or "lead")"#
        XCTAssertEqual(diagnostics(json), [
            "issue.json:1:\(column + 9): \(blockPath).note: expected a paragraph (a string, or a non-empty array of runs), found an empty array",
            #"issue.json:1:\#(column + 29): sections[0].articles[0].blocks[1].paragraph[0]: expected \#(run), found an object with "bold" and "title" (use one object for each)"#,
            "issue.json:1:\(column + 84): sections[0].articles[0].blocks[2].paragraph[0].lead: expected a string, found a number",
            "issue.json:1:\(column + 88): sections[0].articles[0].blocks[2].paragraph[1]: expected \(run), found true",
        ])
    }

    func testEmptyRequiredArrays() {
        XCTAssertEqual(diagnostics(#"{"masthead": \#(Self.masthead), "sections": []}"#), [
            "issue.json:1:\(Self.masthead.unicodeScalars.count + 28): sections: expected a non-empty array of sections, found an empty array",
        ])
        let (json, column) = issue(block: "")
        XCTAssertEqual(diagnostics(json.replacingOccurrences(of: #""articles": [{"blocks": []}]"#, with: #""articles": []"#)), [
            "issue.json:1:\(column - 13): sections[0].articles: expected a non-empty array of articles, found an empty array",
        ])
    }

    func testControlCharactersInText() {
        let (json, column) = issue(block: #""第一行\n第二行", "删除\u007F", "\u0085", "零\u0000""#)
        XCTAssertEqual(diagnostics(json), [
            "issue.json:1:\(column): \(blockPath): text contains control character U+000A at character 4 "
                + "(line breaks and tabs are not allowed in text; start a new block for a new paragraph)",
            "issue.json:1:\(column + 12): sections[0].articles[0].blocks[1]: text contains control character U+007F at character 3 "
                + "(remove it; it is invisible and cannot be printed)",
            "issue.json:1:\(column + 24): sections[0].articles[0].blocks[2]: text contains control character U+0085 at character 1 "
                + "(remove it; it is invisible and cannot be printed)",
            "issue.json:1:\(column + 34): sections[0].articles[0].blocks[3]: text contains control character U+0000 at character 2 "
                + "(remove it; it is invisible and cannot be printed)",
        ])
    }

    func testWhitespaceIsTrimmedWithAWarning() throws {
        let (json, column) = issue(block: ##"{"paragraph": ["　前面", {"bold": " 中间 "}, "后面 "]}, " 独立""##)
        let result = try decode(json)
        XCTAssertEqual(result.value.issue.sections[0].articles[0].blocks, [
            .paragraph(Paragraph(runs: [Run("前面"), Run(" 中间 ", role: .bold), Run("后面")])),
            .paragraph(Paragraph("独立")),
        ])
        XCTAssertEqual(result.warnings.map(\.description), [
            "issue.json:1:\(column + 15): \(blockPath).paragraph[0]: warning: leading whitespace removed from text",
            "issue.json:1:\(column + 40): \(blockPath).paragraph[2]: warning: trailing whitespace removed from text",
            "issue.json:1:\(column + 49): sections[0].articles[0].blocks[1]: warning: leading whitespace removed from text",
        ])
        XCTAssertEqual(result.warnings.first?.severity, .warning)
    }

    func testNullIsNotAbsent() {
        let (json, column) = issue(masthead: #""title": "简报", "number": "第1期", "totalNumber": null, "issuer": "办公室", "date": "2020年1月1日""#)
        XCTAssertEqual(diagnostics(json), [
            "issue.json:1:\(column + 47): masthead.totalNumber: expected a string, found null",
        ])
    }

    func testEmojiAndRareCharactersAreAccepted() throws {
        let (json, _) = issue(block: #""😀👨‍👩‍👧 𠀀𪚥 \ud83d\ude00""#)
        XCTAssertEqual(try decode(json).value.issue.sections[0].articles[0].blocks,
                       [.paragraph(Paragraph("😀👨‍👩‍👧 𠀀𪚥 😀"))])
    }

    func testLevelIsDerivedFromTheLabel() throws {
        let (json, _) = issue(block: #"{"heading": "a", "label": "（一）"}, {"heading": "b", "label": "1."}, {"heading": "c", "label": "（1）", "level": 4.0}"#)
        let levels = try decode(json).value.issue.sections[0].articles[0].blocks.map { block -> Int in
            guard case .heading(let heading) = block else { return 0 }
            return heading.level
        }
        XCTAssertEqual(levels, [2, 3, 4])
    }
}
