import BulletinImport
import BulletinModel
import Foundation
import TestSupport
import XCTest

/// Damaged archive texts (deterministic random edits of the fixtures): the import never crashes;
/// it fails with a located error, or gives an issue that is valid issue JSON and whose text is
/// the input plus the explained changes.
final class FuzzTests: XCTestCase {
    static let pieces = ["**", "(", ")", "（", "）", " ", "  ", "\n", "\n\n", "\r\n", ",", "。", "【", "】", "# ", "---\n",
                         "：", ":", "\t", "\u{3000}", "报:", "责编:", "一、", "（一）", "1. ", "第", "期", "编者按：", "注：",
                         "共印 100 份", "(海淀区文明办)", "2021 年 3 月 8 日", "“", "”", "@", "http://a.cn/x", "—", "*"]

    func testDamagedInputsNeverCrashAndStayAccountable() throws {
        let environment = ProcessInfo.processInfo.environment
        var generator = SplitMix64(seed: environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_240_321)
        let rounds = environment["FUZZ_ROUNDS"].flatMap { Int($0) } ?? 400
        var imported = 0, failed = 0
        let inputs = try ImportFixtures.allInputs().filter { $0.name != "gb18030" }
        for round in 0..<rounds {
            let input = inputs[round % inputs.count]
            var scalars = Array(input.text.unicodeScalars)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let at = Int.random(in: 0...scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    let end = min(scalars.count, at + Int.random(in: 1...30, using: &generator))
                    scalars.removeSubrange(at..<end)
                case 1:
                    scalars.insert(contentsOf: Self.pieces.randomElement(using: &generator)!.unicodeScalars, at: at)
                default:
                    let start = max(0, at - 40)
                    scalars.insert(contentsOf: scalars[start..<at], at: at)
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            let damaged = String(text)
            let result: Warned<ImportResult>
            do {
                result = try Importer.importIssue(Array(damaged.utf8), file: "fuzz-\(round).txt")
            } catch {
                failed += 1
                XCTAssertFalse(error.diagnostics.isEmpty)
                XCTAssertTrue(error.diagnostics.allSatisfy { $0.severity == .error && $0.file == "fuzz-\(round).txt" })
                continue
            }
            imported += 1
            let issue = result.value.issue
            let replayed = try ImportFixtures.replay(damaged, result.value.notes)
            let difference = ImportFixtures.firstDifference(replayed, issue.printedItems.map(\.text).joined())
            XCTAssertNil(difference, "round \(round) (\(input.name)): input + changes ≠ model text")
            if difference != nil, let dump = ProcessInfo.processInfo.environment["FUZZ_DUMP"] {
                try? damaged.write(toFile: "\(dump)/fuzz-\(round).txt", atomically: true, encoding: .utf8)
            }
            let decoded = try IssueDecoder.decode(Array(IssueEncoder.encode(issue).utf8), file: "fuzz.json")
            XCTAssertEqual(decoded.value.issue, issue, "round \(round): the issue survives its JSON")
            XCTAssertEqual(decoded.warnings, [], "round \(round)")
        }
        print("fuzz: \(imported) imported, \(failed) refused with an error")
        XCTAssertGreaterThan(imported, rounds / 2)
    }

    /// Damaged bytes (UTF-8, GB18030, UTF-16): a result or a located error, never a crash.
    func testDamagedBytesNeverCrash() throws {
        var generator = SplitMix64(seed: 77)
        let utf8 = try ImportFixtures.bytes(ImportFixtures.syntheticPath("supplement"))
        let utf16: [UInt8] = [0xFF, 0xFE] + String(decoding: utf8, as: UTF8.self).utf16.flatMap { unit -> [UInt8] in
            [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let sources: [[UInt8]] = [utf8, try ImportFixtures.bytes(ImportFixtures.syntheticPath("gb18030")), utf16]
        var refused = 0
        for round in 0..<300 {
            var bytes = sources[round % sources.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8.random(in: 0x80...0xFF, using: &generator), at: at)
                }
            }
            let sections: Int
            do {
                sections = try Importer.importIssue(bytes, file: "bytes.txt").value.issue.sections.count
            } catch {
                refused += 1
                XCTAssertTrue(error.diagnostics.allSatisfy { $0.severity == .error && !$0.message.isEmpty })
                continue
            }
            XCTAssertGreaterThan(sections, 0)
        }
        print("byte fuzz: \(300 - refused) imported, \(refused) refused with an error")
    }
}
