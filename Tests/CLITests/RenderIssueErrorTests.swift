import Foundation
import XCTest

/// Bad issue files: each is a located error (file:line:column, JSON path, what was expected),
/// exit code 1, and no PDF.
final class RenderIssueErrorTests: CLITestCase {
    /// Writes `json` as issue.json, renders it to issue.pdf and checks the failure is clean.
    private func renderInvalid(_ json: String, file: StaticString = #filePath,
                               line: UInt = #line) -> (input: String, stderr: [String]) {
        let input = write("issue.json", json)
        let output = path("issue.pdf")
        let run = CLI.run(["render", input, "-o", output])
        XCTAssertEqual(run.status, Exit.invalidInput, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        assertNothingWritten(output, file: file, line: line)
        XCTAssertEqual(contents(of: input), Data(json.utf8), "the input was changed", file: file, line: line)
        return (input, run.stderrLines)
    }

    func testMalformedJSONIsLocatedAndSaysWhatWasExpected() {
        let json = """
            {
              "masthead": {"title": "测试简报" "number": "第1期"}
            }
            """
        let (input, stderr) = renderInvalid(json)
        // Column 32 is the quote of "number": the comma before it is missing. A syntax error
        // has no JSON path (the parser stops there; see the report).
        XCTAssertEqual(stderr, ["error: \(input):2:32: masthead.title: expected ',' or '}' after object member, found '\"'"])
    }

    func testTrailingCommaIsLocated() {
        let (input, stderr) = renderInvalid(IssueJSON.withBlocks(#""第一段文字。","#))
        XCTAssertEqual(stderr, ["error: \(input):3:51: sections[0].articles[0].blocks[1]: expected a value after ',' (trailing commas are not allowed), found ']'"])
    }

    func testWrongTypeNamesPathAndExpectedType() {
        let json = IssueJSON.valid.replacingOccurrences(of: #""title": "测试简报""#, with: #""title": 42"#)
        let (input, stderr) = renderInvalid(json)
        XCTAssertEqual(stderr, ["error: \(input):2:25: masthead.title: expected a string, found a number"])
    }

    func testArticleWithoutBlocksIsAnError() {
        let json = IssueJSON.valid.replacingOccurrences(of: #"{"blocks": ["第一段文字。"]}"#, with: "{}")
        let (input, stderr) = renderInvalid(json)
        XCTAssertEqual(stderr, [#"error: \#(input):3:30: sections[0].articles[0]: missing required key "blocks""#])
    }

    func testArticleWithEmptyBlocksIsAnError() {
        let json = IssueJSON.valid.replacingOccurrences(of: #"["第一段文字。"]"#, with: "[]")
        let (input, stderr) = renderInvalid(json)
        XCTAssertEqual(stderr, ["error: \(input):3:41: sections[0].articles[0].blocks: "
                                + "expected a non-empty array of blocks, found an empty array"])
    }

    func testEmptyParagraphIsAnError() {
        let (input, stderr) = renderInvalid(IssueJSON.withBlocks(#""""#))
        XCTAssertEqual(stderr, ["error: \(input):3:42: sections[0].articles[0].blocks[0]: expected text, found an empty string"])
    }

    func testControlCharacterInTextIsLocated() {
        // The JSON is valid (an escaped U+0007); the text is not.
        let (input, stderr) = renderInvalid(IssueJSON.withBlocks(#""第一段\u0007文字。""#))
        XCTAssertEqual(stderr, ["error: \(input):3:42: sections[0].articles[0].blocks[0]: text contains control "
                                + "character U+0007 at character 4 (remove it; it is invisible and cannot be printed)"])
    }

    func testRawControlCharacterInStringIsASyntaxError() {
        let (input, stderr) = renderInvalid(IssueJSON.withBlocks("\"第一段\u{07}文字。\""))
        XCTAssertEqual(stderr, ["error: \(input):3:46: sections[0].articles[0].blocks[0]: control character U+0007 must be escaped in a string"])
    }

    func testEveryErrorOfTheFileIsReported() {
        let json = IssueJSON.withBlocks(#"42, {"paragraf": "文字"}"#)
            .replacingOccurrences(of: #""issuer": "测试办", "#, with: "")
        let (input, stderr) = renderInvalid(json)
        XCTAssertEqual(stderr, [
            #"error: \#(input):2:15: masthead: missing required key "issuer""#,
            #"error: \#(input):3:42: sections[0].articles[0].blocks[0]: expected a paragraph, heading or note "#
                + #"(a string, or an object with "paragraph", "heading" or "note"), found a number"#,
            #"error: \#(input):3:46: sections[0].articles[0].blocks[1]: expected a paragraph, heading or note "#
                + #"(a string, or an object with "paragraph", "heading" or "note"), found an object with "paragraf" "#
                + #"(did you mean "paragraph"?)"#,
        ])
    }

    func testMissingInputFileIsAnInputError() {
        let input = path("nonexistent.json")
        let run = CLI.run(["render", input])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stderrLines, ["error: \(input): no such file"])
        assertNothingWritten(path("nonexistent.pdf"))
    }
}
