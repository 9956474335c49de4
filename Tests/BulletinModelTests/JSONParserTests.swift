import BulletinModel
import Foundation
import XCTest

final class JSONParserTests: XCTestCase {
    /// The error for `input` as `line:column: message`, or a failure if it parses.
    private func error(_ input: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth,
                       file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let value = try JSONParser.parse(input, maxDepth: maxDepth)
            XCTFail("expected a syntax error, parsed \(value.content)", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    private func error(_ input: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        error(Array(input.utf8), file: file, line: line)
    }

    private func parse(_ input: String) throws -> JSONValue { try JSONParser.parse(input) }

    // MARK: Values

    func testLiteralsAndWhitespace() throws {
        XCTAssertEqual(try parse(" \t\r\n true \n").content, .bool(true))
        XCTAssertEqual(try parse("false").content, .bool(false))
        XCTAssertEqual(try parse("null").content, .null)
        XCTAssertEqual(try parse("[]").content, .array([]))
        XCTAssertEqual(try parse("{ }").content, .object([]))
    }

    func testNumbersKeepTheirLiteral() throws {
        for literal in ["0", "-0", "12", "-12.5", "1e10", "1E+2", "2.5e-3", "123456789012345678901234567890"] {
            XCTAssertEqual(try parse(literal).content, .number(literal), literal)
        }
        XCTAssertEqual(try parse("3").intValue, 3)
        XCTAssertEqual(try parse("3.0").intValue, 3)
        XCTAssertEqual(try parse("3e0").intValue, 3)
        XCTAssertNil(try parse("3.5").intValue)
        XCTAssertEqual(try parse("-2.5e-3").doubleValue, -0.0025)
    }

    func testInvalidNumbers() {
        XCTAssertEqual(error("01"), "1:1: leading zeros are not allowed in numbers")
        XCTAssertEqual(error("-"), "1:2: expected a digit after '-', found end of input")
        XCTAssertEqual(error("[1.]"), "1:4: expected a digit after the decimal point, found ']'")
        XCTAssertEqual(error("1e+"), "1:4: expected a digit in the exponent, found end of input")
        XCTAssertEqual(error(".5"), "1:1: expected a value, found '.'")
        XCTAssertEqual(error("+1"), "1:1: expected a value, found '+'")
        XCTAssertEqual(error("[1.2.3]"), "1:5: expected ',' or ']' after array element, found '.'")
    }

    // MARK: Strings

    func testEveryEscape() throws {
        let value = try parse(#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u4E2D \ud83d\ude00""#)
        XCTAssertEqual(value.stringValue, "\" \\ / \u{08} \u{0C} \n \r \t A é 中 😀")
    }

    func testUnicodeTextIsKeptAsIs() throws {
        XCTAssertEqual(try parse(#""中文 😀 𠀀""#).stringValue, "中文 😀 𠀀")
        XCTAssertEqual(try parse(#""\u0000""#).stringValue, "\u{0}")  // allowed by JSON; the decoder rejects it
    }

    func testLoneSurrogatesAreErrors() {
        XCTAssertEqual(error(#"["\ud83d"]"#),
                       #"1:3: lone surrogate \uD83D: a high surrogate must be followed by a low surrogate \uDC00–\uDFFF"#)
        XCTAssertEqual(error(#"["a\ud83d\u0041"]"#),
                       #"1:4: lone surrogate \uD83D: a high surrogate must be followed by a low surrogate \uDC00–\uDFFF"#)
        XCTAssertEqual(error(#""\ude00""#),
                       #"1:2: lone surrogate \uDE00: a low surrogate must follow a high surrogate \uD800–\uDBFF"#)
    }

    func testInvalidEscapes() {
        XCTAssertEqual(error(#""a\x""#),
                       #"1:3: invalid escape '\x' in string (valid: \" \\ \/ \b \f \n \r \t \uXXXX)"#)
        XCTAssertEqual(error(#""\u12G4""#), #"1:2: invalid \u escape: expected four hex digits"#)
    }

    func testUnterminatedStrings() {
        XCTAssertEqual(error(#"{"a": "abc"#), "1:7: unterminated string")
        XCTAssertEqual(error("{\"a\": \"abc\n\"}"),
                       #"1:7: unterminated string (a line break inside a string must be written \n)"#)
        XCTAssertEqual(error("\"a\\"), "1:3: unterminated string")
    }

    func testRawControlCharacterInString() {
        XCTAssertEqual(error("\"a\tb\""), "1:3: control character U+0009 must be escaped in a string")
    }

    // MARK: UTF-8

    func testByteOrderMarkIsSkipped() throws {
        let value = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        XCTAssertEqual(value.location, SourceLocation(line: 1, column: 1, offset: 3))
        XCTAssertEqual(value["a"]?.location, SourceLocation(line: 1, column: 7, offset: 9))
    }

    func testInvalidUTF8IsLocated() {
        let prefix = Array(#"["中", "a"#.utf8)  // the bad byte is at column 9
        XCTAssertEqual(error(prefix + [0xFF] + Array(#""]"#.utf8)), "1:9: invalid UTF-8 (byte 0xFF) in string")
        XCTAssertEqual(error(prefix + [0xC0, 0x80, 0x22, 0x5D]), "1:9: invalid UTF-8 (byte 0xC0) in string")  // overlong
        XCTAssertEqual(error(prefix + [0xED, 0xA0, 0x80, 0x22, 0x5D]), "1:9: invalid UTF-8 (byte 0xED) in string")  // surrogate
        XCTAssertEqual(error(prefix + [0xF4, 0x90, 0x80, 0x80, 0x22]), "1:9: invalid UTF-8 (byte 0xF4) in string")  // > U+10FFFF
        XCTAssertEqual(error(prefix + [0xE4, 0xB8]), "1:9: invalid UTF-8 (byte 0xE4) in string")  // truncated
        XCTAssertEqual(error([0x5B, 0xFF, 0x5D]), "1:2: expected a value, found invalid UTF-8 (byte 0xFF)")
        XCTAssertEqual(error(Array("[中]".utf8)), "1:2: expected a value, found '中'")
    }

    // MARK: Structure

    func testLocationsOfNestedValues() throws {
        let text = "{\n  \"标题\": [1, {\"b\": null}],\r\n\t\"c\": \"中文\"\r\"d\": true}"
        let value = try parse(text.replacingOccurrences(of: "\r\"d", with: ",\r\"d"))
        XCTAssertEqual(value.location, SourceLocation(line: 1, column: 1, offset: 0))
        let members = try XCTUnwrap(value.objectMembers)
        XCTAssertEqual(members.map(\.key), ["标题", "c", "d"])
        XCTAssertEqual(members[0].keyLocation, SourceLocation(line: 2, column: 3, offset: 4))
        let array = try XCTUnwrap(members[0].value.arrayValue)
        XCTAssertEqual(members[0].value.location, SourceLocation(line: 2, column: 9, offset: 14))  // columns count scalars
        XCTAssertEqual(array[1].location, SourceLocation(line: 2, column: 13, offset: 18))
        XCTAssertEqual(array[1]["b"]?.location, SourceLocation(line: 2, column: 19, offset: 24))
        XCTAssertEqual(members[1].value.location, SourceLocation(line: 3, column: 7, offset: 39))  // after CR LF and a tab
        XCTAssertEqual(members[2].keyLocation, SourceLocation(line: 4, column: 1, offset: 49))  // a lone CR ends a line
    }

    func testObjectsKeepKeyOrder() throws {
        let value = try parse(#"{"z": 1, "a": 2, "m": 3}"#)
        XCTAssertEqual(value.objectMembers?.map(\.key), ["z", "a", "m"])
    }

    func testDuplicateKeyIsAnError() {
        XCTAssertEqual(error("{\"a\": 1,\n \"a\": 2}"), #"2:2: duplicate key "a" (first used at 1:2)"#)
        XCTAssertEqual(error(#"{"a": 1, "\u0061": 2}"#), #"1:10: duplicate key "a" (first used at 1:2)"#)
    }

    func testDuplicateKeyInALargeObject() {
        // Objects of 32 or more keys are checked through an index instead of a linear search.
        let members = (0 ..< 100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let text = "{" + members + #", "k50": 0}"#
        let first = text.range(of: #""k50""#)!.lowerBound, second = text.range(of: #""k50""#, options: .backwards)!.lowerBound
        let column = { (index: String.Index) in text.distance(from: text.startIndex, to: index) + 1 }
        XCTAssertEqual(error(text), #"1:\#(column(second)): duplicate key "k50" (first used at 1:\#(column(first)))"#)
        XCTAssertNoThrow(try parse("{" + members + "}"))
    }

    func testDepthLimit() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try parse(deepest))
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        XCTAssertEqual(error(tooDeep), "1:513: nesting too deep: more than 512 levels of arrays and objects")
        XCTAssertEqual(error(Array(#"{"a": {"b": []}}"#.utf8), maxDepth: 2),
                       "1:13: nesting too deep: more than 2 levels of arrays and objects")
    }

    func testSyntaxErrorMessages() {
        XCTAssertEqual(error(""), "1:1: expected a value, found end of input")
        XCTAssertEqual(error("{\n  \"a\": 1\n  \"b\": 2\n}"), "3:3: expected ',' or '}' after object member, found '\"'")
        XCTAssertEqual(error(#"{"a" 1}"#), "1:6: expected ':' after object key, found '1'")
        XCTAssertEqual(error("{a: 1}"), "1:2: expected a string key, found 'a'")
        XCTAssertEqual(error(#"{"a": 1,}"#), "1:9: expected a string key after ',' (trailing commas are not allowed), found '}'")
        XCTAssertEqual(error("[1, 2,]"), "1:7: expected a value after ',' (trailing commas are not allowed), found ']'")
        XCTAssertEqual(error("['a']"), "1:2: expected a value, found \"'\" (JSON strings use double quotes)")
        XCTAssertEqual(error("[1] // note"), "1:5: expected end of input after the JSON value, found '/' (comments are not allowed in JSON)")
        XCTAssertEqual(error("[tru]"), "1:2: invalid literal; expected true")
        XCTAssertEqual(error("[True]"), "1:2: expected a value, found 'T'")
        XCTAssertEqual(error("{} {}"), "1:4: expected end of input after the JSON value, found '{'")
    }

    func testEveryTruncationOfADocumentIsAnError() {
        let document = Array(Fixtures.fullIssueJSON.utf8)
        for length in 0 ..< document.count {  // also cuts inside multi-byte characters
            let prefix = Array(document[..<length])
            XCTAssertThrowsError(try JSONParser.parse(prefix), "prefix of \(length) bytes")
        }
        XCTAssertEqual(error(#"{"a": [1, 2"#), "1:12: expected ',' or ']' after array element, found end of input")
        XCTAssertEqual(error(#"{"a""#), "1:5: expected ':' after object key, found end of input")
    }
}
