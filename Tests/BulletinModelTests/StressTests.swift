import BulletinModel
import Foundation
import TestSupport
import XCTest

/// Large and hostile inputs: they must give a result or a located error quickly, never a crash.
final class StressTests: XCTestCase {
    private let tenMegabytes = 10 << 20

    private func firstDiagnostic(_ data: [UInt8]) -> String? {
        do {
            _ = try IssueDecoder.decode(data, file: "big.json")
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1)
            return error.diagnostics.first?.description
        }
    }

    func testTwoMegabyteParagraphDecodes() throws {
        let paragraph = String(repeating: "为进一步巩固创建成果，“文明餐桌”行动😀。", count: 33_000)  // ≈ 2.1 MB of UTF-8
        XCTAssertGreaterThan(paragraph.utf8.count, 2_000_000)
        let json = #"{"masthead": {"title": "简报", "number": "第1期", "issuer": "办公室", "date": "2020年1月1日"}, "#
            + #""sections": [{"articles": [{"blocks": [{"paragraph": [{"bold": "粗体\n"}, ""#
            + paragraph + #"\"引号\" \\ "]}]}]}]}"#
        let start = Date()
        do {
            _ = try IssueDecoder.decode(Array(json.utf8), file: "big.json")
            XCTFail("the \\n in the bold run is an error")
        } catch {
            XCTAssertEqual(error.diagnostics.map(\.message), ["text contains control character U+000A at character 3",
                                                             "trailing whitespace removed from text"])
        }
        let valid = json.replacingOccurrences(of: #"粗体\n"#, with: "粗体")
        let issue = try IssueDecoder.decode(Array(valid.utf8), file: "big.json").value.issue
        guard case .paragraph(let decoded) = issue.sections[0].articles[0].blocks[0] else { return XCTFail() }
        XCTAssertEqual(decoded.runs[1].text, paragraph + "\"引号\" \\")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "even a debug build is fast enough")
    }

    func testTenMegabytesOfGarbage() {
        var random = SplitMix64(seed: 7)
        var garbage = [UInt8](repeating: 0, count: tenMegabytes)
        garbage.withUnsafeMutableBytes { bytes in
            for offset in stride(from: 0, to: bytes.count, by: 8) {
                bytes.storeBytes(of: random.next(), toByteOffset: offset, as: UInt64.self)
            }
        }
        XCTAssertNotNil(firstDiagnostic(garbage))
        // Printable garbage inside a string (0x60…0x7F: no quote, no backslash) is read to the end.
        let stringGarbage = Array(#"{"masthead": ""#.utf8) + garbage.map { $0 & 0x1F | 0x60 }
        XCTAssertEqual(firstDiagnostic(stringGarbage), "big.json:1:14: masthead: unterminated string")
    }

    func testTenMegabytesOfNestingIsAnErrorNotAStackOverflow() {
        XCTAssertEqual(firstDiagnostic([UInt8](repeating: UInt8(ascii: "["), count: tenMegabytes)),
                       "big.json:1:513: [0][0][0][0]…[0][0][0][0]: nesting too deep: more than 512 levels of arrays and objects")
        let objects = Array(String(repeating: #"{"a":"#, count: tenMegabytes / 5).utf8)
        XCTAssertEqual(firstDiagnostic(objects),
                       "big.json:1:\(512 * 5 + 1): a.a.a.a….a.a.a.a: nesting too deep: more than 512 levels of arrays and objects")
    }

    func testTenMegabyteArrayIsReadToTheEnd() {
        let numbers = Array(("[" + String(repeating: "1,\n", count: tenMegabytes / 3) + "]").utf8)
        XCTAssertEqual(firstDiagnostic(numbers),
                       "big.json:\(tenMegabytes / 3 + 1):1: [\(tenMegabytes / 3)]: expected a value after ',' (trailing commas are not allowed), found ']'")
    }
}
