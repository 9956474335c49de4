import BulletinImport
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// Hostile and broken inputs: a clear located error or a result with warnings, never a crash,
/// and large inputs in a few seconds.
final class BadInputTests: XCTestCase {
    private static let masthead = "首都精神文明建设情况简报\n\n第 5 期\n\n首都精神文明办\n\n2021 年 1 月 5 日\n\n"

    private func failure(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try Importer.importIssue(bytes, file: "bad.txt")
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
            XCTAssertTrue(error.diagnostics.allSatisfy { $0.severity == .error && $0.file == "bad.txt" }, file: file, line: line)
            return error.diagnostics.first
        }
    }

    func testEmptyAndBlankFiles() {
        XCTAssertEqual(failure([])?.message, "the file is empty")
        XCTAssertEqual(failure(Array(" \n\u{3000}\r\n\t\n".utf8))?.message, "the file has no text (only whitespace)")
    }

    func testBinaryFiles() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        XCTAssertTrue(failure(png)?.message.hasPrefix("binary data") ?? false)
        // Bytes without NUL: decodable as GB18030 or not, but full of control characters.
        var generator = SystemRandomNumberGenerator()
        var noise = (0..<65_536).map { _ in UInt8.random(in: 1...255, using: &generator) }
        noise.replaceSubrange(0..<4, with: [0x01, 0x02, 0x03, 0x04])
        let diagnostic = failure(noise)
        XCTAssertTrue(diagnostic?.message.contains("control character") == true || diagnostic?.message.contains("cannot decode") == true,
                      diagnostic?.description ?? "")
        let control = failure(Array((Self.masthead + "正文\u{07}。\n").utf8))
        XCTAssertEqual(control?.message, "control character U+0007; this is binary data, not a text file")
        XCTAssertEqual([control?.line, control?.column], [9, 3])
    }

    /// Without a masthead the import fails (and says so): the issue format requires title,
    /// number, issuer and date, and importing the body under invented ones would print text the
    /// archive never had.
    func testNoRecognisableMastheadFailsClearly() throws {
        let body = "海淀区守正创新推动文明创建。创新工作方式,出台防疫形势下的创建方案。\n\n(海淀区文明办)\n"
        let diagnostic = try XCTUnwrap(failure(Array(body.utf8)))
        XCTAssertTrue(diagnostic.message.hasPrefix("no recognisable masthead"), diagnostic.description)
        XCTAssertEqual([diagnostic.line, diagnostic.column], [1, 1])
        XCTAssertTrue(diagnostic.hint?.contains("does not invent") ?? false)
        let partial = try XCTUnwrap(failure(Array("情况简报\n\n第5期\n\n正文很长很长，很长很长。\n".utf8)))
        XCTAssertTrue(partial.message.hasPrefix("incomplete masthead: no issuer, date"), partial.description)
    }

    func testMastheadWithoutArticles() throws {
        let diagnostic = try XCTUnwrap(failure(Array((Self.masthead + "责编:梅雪峰\n").utf8)))
        XCTAssertEqual(diagnostic.message, "no article text after the masthead")
    }

    func testUnbalancedBoldMarkersWarnAndLoseNothing() throws {
        let text = Self.masthead + "**门头沟区建立奖惩机制。**为进一步巩固**成果,门头沟区出台办法。\n\n(门头沟区文明办)\n"
        let result = try Importer.importIssue(Array(text.utf8), file: "bad.txt")
        XCTAssertEqual(result.warnings.count, 1)
        let warning = result.warnings[0]
        XCTAssertTrue(warning.message.hasPrefix("unbalanced **"), warning.description)
        XCTAssertEqual([warning.line, warning.column], [9, 22])
        guard case .paragraph(let p) = result.value.issue.sections[0].articles[0].blocks[0] else { return XCTFail() }
        XCTAssertEqual(p.runs, [Run("门头沟区建立奖惩机制。", role: .title), Run("为进一步巩固成果，门头沟区出台办法。")])
        let replayed = try ImportFixtures.replay(text, result.value.notes)
        XCTAssertEqual(replayed, result.value.issue.printedItems.map(\.text).joined())
    }

    /// 10 MB: one issue whose body is seed 000's articles again and again.
    func testTenMegabytesImportInAFewSeconds() throws {
        let seed = try ImportFixtures.text(ImportFixtures.seedPath("000_62e0ab55fab9e8aa.txt"))
        let head = seed.components(separatedBy: "## 【文明创建】")[0] + "## 【文明创建】\n"
        let body = seed.components(separatedBy: "## 【文明创建】")[1].components(separatedBy: "责编:")[0]
        let tail = "责编:" + seed.components(separatedBy: "责编:")[1]
        let count = (10 << 20) / body.utf8.count + 1
        let text = head + String(repeating: body, count: count) + tail
        XCTAssertGreaterThanOrEqual(text.utf8.count, 10 << 20)
        let start = ContinuousClock.now
        let result = try Importer.importIssue(Array(text.utf8), file: "big.txt")
        let elapsed = ContinuousClock.now - start
        print("10 MB import: \(elapsed) (\(text.utf8.count) bytes, \(result.value.notes.count) notes)")
        XCTAssertLessThan(elapsed, .seconds(10), "a debug build imports 10 MB in a few seconds")
        XCTAssertEqual(result.value.issue.sections[0].articles.count, 3 * count)
        XCTAssertEqual(result.warnings, [])
        let replayed = try ImportFixtures.replay(text, result.value.notes)
        XCTAssertTrue(replayed == result.value.issue.printedItems.map(\.text).joined(), "input + changes = model text")
    }

    /// 10 MB in one line: no paragraph breaks at all.
    func testTenMegabytesOnOneLine() throws {
        let sentence = "为进一步巩固创建成果, 各区开展了 2021 年“文明餐桌”行动(试行)。"
        let line = String(repeating: sentence, count: (10 << 20) / sentence.utf8.count + 1)
        let text = Self.masthead + line + "\n"
        let start = ContinuousClock.now
        let result = try Importer.importIssue(Array(text.utf8), file: "line.txt")
        print("10 MB on one line: \(ContinuousClock.now - start)")
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
        guard case .paragraph(let p) = result.value.issue.sections[0].articles[0].blocks[0] else { return XCTFail() }
        XCTAssertTrue(p.text.hasPrefix("为进一步巩固创建成果，各区开展了2021年“文明餐桌”行动（试行）。"))
    }

    /// 10 MB of text with no masthead: an error, quickly.
    func testTenMegabytesWithoutMasthead() throws {
        let text = String(repeating: "正文内容，没有报头。\n\n", count: (10 << 20) / 32)
        let start = ContinuousClock.now
        XCTAssertTrue(failure(Array(text.utf8))?.message.hasPrefix("no recognisable masthead") ?? false)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
    }
}
