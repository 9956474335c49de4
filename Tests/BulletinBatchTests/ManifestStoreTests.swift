@testable import BulletinBatch
import Foundation
import XCTest

/// The manifest: journal, compaction, damaged lines, shards, locks.
final class ManifestStoreTests: BatchTestCase {
    private func claim(_ input: String, digest: String = "d") -> ManifestClaim {
        ManifestClaim(input: input, inputSHA256: digest, settings: "s", pdfBytes: 10, pages: 1, images: [],
                      issue: IssueSummary(title: "t", number: "第1期", totalNumber: nil, date: "2020年1月1日",
                                          isoDate: "2020-01-01", articles: ["a"]))
    }

    private var mainFile: String { output + "/" + ManifestStore.mainFileName }

    override func setUp() {
        super.setUp()
        try! FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    }

    func testClaimsSurviveReopeningAndRetractionsWithdrawThem() throws {
        var store: ManifestStore? = try ManifestStore(directory: output, shard: nil)
        try store!.record("a.pdf", claim: claim("a.json"))
        try store!.record("b.pdf", claim: claim("b.json"))
        try store!.retract("b.pdf")
        // Journal lines are on disk before closing (a kill now loses nothing claimed).
        XCTAssertEqual(Set(ManifestStore.currentClaims(directory: output).keys), ["a.pdf"])
        try store!.close()
        store = nil
        let reopened = try ManifestStore(directory: output, shard: nil)
        XCTAssertEqual(reopened.claims, ["a.pdf": claim("a.json")])
        XCTAssertEqual(reopened.warnings, [])
    }

    func testLineCutShortByAKillIsIgnoredSilently() throws {
        let store = try ManifestStore(directory: output, shard: nil)
        try store.record("a.pdf", claim: claim("a.json"))
        try store.record("b.pdf", claim: claim("b.json"))
        // Cut the file in the middle of its last line, as a kill during `write` could.
        let data = try Data(contentsOf: URL(fileURLWithPath: mainFile))
        try data.prefix(data.count - 40).write(to: URL(fileURLWithPath: mainFile))
        XCTAssertEqual(Set(ManifestStore.currentClaims(directory: output).keys), ["a.pdf"])
        try store.close()
    }

    func testDamagedLineInTheMiddleIsAWarning() throws {
        let store = try ManifestStore(directory: output, shard: nil)
        try store.record("a.pdf", claim: claim("a.json"))
        try store.close()
        var text = try String(contentsOfFile: mainFile, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n{\"claim\"", with: "\n{\"garbage\n{\"claim\"")
        try text.write(toFile: mainFile, atomically: true, encoding: .utf8)
        let reopened = try ManifestStore(directory: output, shard: nil)
        XCTAssertEqual(Set(reopened.claims.keys), ["a.pdf"])
        XCTAssertEqual(reopened.warnings.map(\.description),
                       ["\(mainFile):2: warning: unreadable manifest line ignored; the output it names will be rebuilt"])
        try reopened.close()
    }

    func testShardsWriteTheirOwnFilesAndAWholeRunAbsorbsThem() throws {
        let one = try ManifestStore(directory: output, shard: Shard(index: 1, count: 2))
        let two = try ManifestStore(directory: output, shard: Shard(index: 2, count: 2))
        try one.record("a.pdf", claim: claim("a.json"))
        try two.record("b.pdf", claim: claim("b.json"))
        try one.close()
        try two.close()
        let files = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".jsonl") }.sorted()
        XCTAssertEqual(files, ["bulletin-pdf.manifest.shard-1-of-2.jsonl", "bulletin-pdf.manifest.shard-2-of-2.jsonl"])
        XCTAssertEqual(Set(ManifestStore.currentClaims(directory: output).keys), ["a.pdf", "b.pdf"])

        let whole = try ManifestStore(directory: output, shard: nil)
        XCTAssertEqual(Set(whole.claims.keys), ["a.pdf", "b.pdf"])
        try whole.close()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".jsonl") },
                       ["bulletin-pdf.manifest.jsonl"])
        XCTAssertEqual(Set(ManifestStore.currentClaims(directory: output).keys), ["a.pdf", "b.pdf"])
    }

    func testTheLatestRecordOfAnOutputWinsAcrossFiles() throws {
        let whole = try ManifestStore(directory: output, shard: nil)
        try whole.record("a.pdf", claim: claim("a.json", digest: "old"))
        try whole.close()
        let shard = try ManifestStore(directory: output, shard: Shard(index: 1, count: 3))
        XCTAssertEqual(shard.claim(for: "a.pdf")?.inputSHA256, "old")
        try shard.retract("a.pdf")
        try shard.close()
        XCTAssertNil(ManifestStore.currentClaims(directory: output)["a.pdf"], "the retraction in the shard file holds")
        let again = try ManifestStore(directory: output, shard: Shard(index: 1, count: 3))
        try again.record("a.pdf", claim: claim("a.json", digest: "new"))
        try again.close()
        XCTAssertEqual(ManifestStore.currentClaims(directory: output)["a.pdf"]?.inputSHA256, "new")
    }

    func testConcurrentRunsOnOneManifestAreRefused() throws {
        let first = try ManifestStore(directory: output, shard: nil)
        XCTAssertThrowsError(try ManifestStore(directory: output, shard: nil)) { error in
            XCTAssertEqual(error as? BatchError, .locked(path: output))
        }
        XCTAssertThrowsError(try ManifestStore(directory: output, shard: Shard(index: 1, count: 2)))
        try first.close()
        // Different shards may run side by side; the same shard twice may not.
        let a = try ManifestStore(directory: output, shard: Shard(index: 1, count: 2))
        let b = try ManifestStore(directory: output, shard: Shard(index: 2, count: 2))
        XCTAssertThrowsError(try ManifestStore(directory: output, shard: Shard(index: 2, count: 2)))
        XCTAssertThrowsError(try ManifestStore(directory: output, shard: nil))
        try a.close()
        try b.close()
    }
}
