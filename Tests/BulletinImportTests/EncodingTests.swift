import BulletinImport
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// Input encodings: UTF-8 with and without BOM, UTF-16 with BOM (both byte orders), GB18030;
/// anything else is a clear, located error.
final class EncodingTests: XCTestCase {
    private var utf8: [UInt8] { get throws { try ImportFixtures.bytes(ImportFixtures.syntheticPath("columns")) } }

    private func utf16(_ text: [UInt8], littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in String(decoding: text, as: UTF8.self).utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += littleEndian ? pair : pair.reversed()
        }
        return bytes
    }

    private func error(_ bytes: [UInt8]) -> Diagnostic? {
        do {
            _ = try Importer.importIssue(bytes, file: "in.txt")
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1)
            return error.diagnostics.first
        }
    }

    func testEveryAcceptedEncodingGivesTheSameIssue() throws {
        let plain = try Importer.importIssue(utf8, file: "in.txt").value
        XCTAssertEqual(plain.encoding, .utf8)
        let inputs: [([UInt8], TextEncoding)] = [
            ([0xEF, 0xBB, 0xBF] + (try utf8), .utf8BOM),
            (utf16(try utf8, littleEndian: true), .utf16LE),
            (utf16(try utf8, littleEndian: false), .utf16BE),
        ]
        for (bytes, encoding) in inputs {
            let result = try Importer.importIssue(bytes, file: "in.txt").value
            XCTAssertEqual(result.encoding, encoding)
            XCTAssertEqual(result.issue, plain.issue, encoding.rawValue)
            XCTAssertEqual(result.notes.filter { $0.kind == .change }, plain.notes.filter { $0.kind == .change },
                           "\(encoding.rawValue): the BOM is not text, columns count from the first character")
        }
    }

    func testUTF16WithoutBOMIsAClearError() throws {
        var bytes: [UInt8] = []
        for unit in "首都精神文明建设情况简报\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let diagnostic = try XCTUnwrap(error(bytes))
        XCTAssertTrue(diagnostic.message.contains("UTF-16 without a byte-order mark"), diagnostic.description)
    }

    func testUTF32AndBrokenUTF16AreErrors() throws {
        XCTAssertTrue(try XCTUnwrap(error([0xFF, 0xFE, 0, 0, 0x4E, 0x00, 0, 0])).message.contains("UTF-32"))
        // A lone high surrogate after two characters of line 1.
        let broken: [UInt8] = [0xFF, 0xFE, 0x96, 0x99, 0xFD, 0x90, 0x00, 0xD8, 0x41, 0x00]
        let diagnostic = try XCTUnwrap(error(broken))
        XCTAssertTrue(diagnostic.message.contains("unpaired surrogate"), diagnostic.description)
        XCTAssertEqual([diagnostic.line, diagnostic.column], [1, 3])
        XCTAssertTrue(try XCTUnwrap(error([0xFF, 0xFE, 0x96])).message.contains("odd number of bytes"))
    }

    func testInvalidUTF8AfterABOMIsLocated() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("简报\n第1期".utf8) + [0xC3, 0x28]
        let diagnostic = try XCTUnwrap(error(bytes))
        XCTAssertTrue(diagnostic.message.contains("invalid UTF-8"), diagnostic.description)
        XCTAssertEqual([diagnostic.line, diagnostic.column], [2, 4])
    }

    func testNeitherUTF8NorGB18030IsAnError() throws {
        // Latin-1 “café” followed by a space: 0xE9 0x20 is no GB18030 sequence.
        let bytes = Array("简报 caf".utf8) + [0xE9, 0x20] + Array("ok\n".utf8)
        let diagnostic = try XCTUnwrap(error(bytes))
        XCTAssertTrue(diagnostic.message.contains("not UTF-8") && diagnostic.message.contains("not GB18030"),
                      diagnostic.description)
        XCTAssertEqual(diagnostic.hint, "accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK")
        // A GB18030 text cut in the middle of a character.
        let gb = try ImportFixtures.bytes(ImportFixtures.syntheticPath("gb18030"))
        XCTAssertTrue(try XCTUnwrap(error(Array(gb.dropLast(1)) + [0x81])).message.contains("incomplete"))
    }

    func testGBKOnlyTextIsReadAsGB18030() throws {
        // GBK is a subset of GB18030: a masthead encoded as GBK bytes.
        func gbk(_ hex: String) -> [UInt8] {
            stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! }
        }
        let text = gbk("bcf2b1a8") + Array("\n\n".utf8) + gbk("b5da") + Array("1".utf8) + gbk("c6da")  // 简报 第1期
            + Array("\n\n".utf8) + gbk("c4b3b0ec") + Array("\n\n2021".utf8) + gbk("c4ea") + Array("1".utf8) + gbk("d4c2")
            + Array("1".utf8) + gbk("c8d5") + Array("\n\n".utf8) + gbk("d5fdcec4a1a3") + Array("\n".utf8)  // 某办 2021年1月1日 正文。
        let result = try Importer.importIssue(text, file: "gbk.txt")
        XCTAssertEqual(result.value.issue.masthead, Masthead(title: "简报", number: "第1期", issuer: "某办", date: "2021年1月1日"))
        XCTAssertEqual(result.value.encoding, .gb18030)
    }

    func testBig5AndShiftJISAreRefusedNotMisread() throws {
        // GB18030 decodes almost any bytes; these would become nonsense Chinese without the check.
        for name in ["big5.txt", "shift-jis.txt"] {
            let path = Repository.path("Tests/Fixtures/import/other-encodings/" + name)
            let diagnostic = error(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            XCTAssertTrue(diagnostic?.message.hasPrefix("the text does not look like GB18030/GBK") ?? false,
                          "\(name): \(String(describing: diagnostic))")
        }
    }
}
