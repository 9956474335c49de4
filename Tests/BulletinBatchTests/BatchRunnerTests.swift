@testable import BulletinBatch
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// A whole batch through the library: outputs, failures, incremental runs, stops, full disks.
final class BatchRunnerTests: BatchTestCase {
    func testBuildsEveryIssueIntoAMirroredTree() throws {
        makeArchive(3)
        write("archive/2021/bulletin.txt", BatchFixtures.bulletinText)
        let result = try runBatch()
        XCTAssertTrue(result.succeeded, result.summary)
        XCTAssertEqual(outputFiles(), ["2020/001.pdf", "2020/002.pdf", "2020/003.pdf", "2021/bulletin.pdf"])
        let claims = manifestClaims()
        for outcome in result.outcomes {
            XCTAssertEqual(outcome.status, .built)
            let pdf = output + "/" + outcome.output
            XCTAssertEqual(Int(try Poppler.info(pdf)["Pages"] ?? ""), outcome.pages, pdf)
            XCTAssertEqual(claims[outcome.output]?.pdfBytes, fileSize(pdf))
            XCTAssertEqual(claims[outcome.output]?.pages, outcome.pages)
        }
        // The text bulletin was imported on the fly: its masthead is in the claim.
        XCTAssertEqual(claims["2021/bulletin.pdf"]?.issue.number, "第33期")
        XCTAssertTrue(try Poppler.text(output + "/2021/bulletin.pdf").contains("海淀区守正创新"))
    }

    func testBadIssuesAreReportedWithTheirPlaceAndTheOthersAreDone() throws {
        makeArchive(2)
        write("archive/2020/syntax.json", "{\n  \"masthead\": {\"title\": \"x\",\n")
        write("archive/2020/invalid.json", "{\n  \"masthead\": {\"title\": \"x\"},\n  \"sections\": []\n}\n")
        write("archive/2020/not-a-bulletin.txt", "这不是简报。\n")
        let result = try runBatch()
        XCTAssertFalse(result.succeeded)
        XCTAssertFalse(result.outputFailed, "bad inputs are input failures")
        XCTAssertEqual(result.counts.built, 2)
        XCTAssertEqual(result.counts.failed, 3)
        XCTAssertEqual(outputFiles(), ["2020/001.pdf", "2020/002.pdf"])
        XCTAssertEqual(Set(manifestClaims().keys), ["2020/001.pdf", "2020/002.pdf"])
        for outcome in result.outcomes where outcome.status == .failed {
            XCTAssertEqual(outcome.failure, .input)
            XCTAssertFalse(outcome.errors.isEmpty)
            XCTAssertTrue(outcome.errors.allSatisfy { $0.file == outcome.input }, "\(outcome.errors)")
            if outcome.input.hasSuffix(".json") {
                XCTAssertNotNil(outcome.errors[0].line, "JSON errors carry line:column: \(outcome.errors)")
            }
        }
    }

    func testUnchangedIssuesAreSkippedChangedOnesRebuiltAndForceRebuildsAll() throws {
        makeArchive(3)
        try runBatch()
        var result = try runBatch()
        XCTAssertEqual(Set(statuses(result).values), [.unchanged])
        XCTAssertEqual(result.counts.unchanged, 3)

        write("archive/2020/002.json", BatchFixtures.issueJSON(2, headline: "改过的标题"))
        unlink(output + "/2020/003.pdf")
        result = try runBatch()
        XCTAssertEqual(statuses(result), ["2020/001.pdf": .unchanged, "2020/002.pdf": .built, "2020/003.pdf": .built])
        XCTAssertEqual(result.outcomes.map(\.reason), [nil, "input changed", "output missing or changed"])
        XCTAssertTrue(try Poppler.text(output + "/2020/002.pdf").contains("改过的标题"))

        result = try runBatch(force: true)
        XCTAssertEqual(result.outcomes.map(\.reason), ["forced", "forced", "forced"])
    }

    func testLayoutChangeRebuildsEveryIssue() throws {
        makeArchive(2)
        let layout = write("my-layout.json", try String(contentsOfFile: Repository.path("Layouts/jianbao.json"), encoding: .utf8))
        func run() throws -> BatchResult {
            let typesetter = try BatchFixtures.session.typesetter(layout: layout)
            return try runBatch(settings: OutputSettings(layout: layout), typesetter: typesetter)
        }
        _ = try run()
        XCTAssertEqual(Set(statuses(try run()).values), [.unchanged])
        // Same size, new content: the hash sees it (a stat stamp alone could be fooled by equal size).
        let edited = try String(contentsOfFile: layout, encoding: .utf8)
            .replacingOccurrences(of: "\"hanLatinSpacing\": 0.25", with: "\"hanLatinSpacing\": 0.20")
        try edited.write(toFile: layout, atomically: false, encoding: .utf8)
        let result = try run()
        XCTAssertEqual(result.outcomes.map(\.reason), ["settings changed", "settings changed"])
    }

    func testFontChangeAndToolChangeRebuildEveryIssue() throws {
        makeArchive(2)
        let fonts = path("fonts")
        try FileManager.default.createDirectory(atPath: fonts, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.path("Fonts")) where name.hasSuffix(".otf") {
            try FileManager.default.createSymbolicLink(atPath: fonts + "/" + name, withDestinationPath: Repository.path("Fonts/\(name)"))
        }
        func run(tool: String = "bulletin-pdf test") throws -> BatchResult {
            let session = try RenderSession(home: Repository.root, fontDirectory: fonts, systemFallback: false)
            return try runBatch(tool: tool, typesetter: try session.typesetter(layout: "jianbao"), session: session)
        }
        _ = try run()
        XCTAssertEqual(Set(statuses(try run()).values), [.unchanged])
        // 楷体 replaced by another font file under the same name.
        unlink(fonts + "/FandolKai-Regular.otf")
        try FileManager.default.createSymbolicLink(atPath: fonts + "/FandolKai-Regular.otf",
                                                   withDestinationPath: Repository.path("Fonts/FandolFang-Regular.otf"))
        XCTAssertEqual(try run().outcomes.map(\.reason), ["settings changed", "settings changed"])
        XCTAssertEqual(Set(statuses(try run()).values), [.unchanged])
        XCTAssertEqual(try run(tool: "bulletin-pdf next").outcomes.map(\.reason), ["settings changed", "settings changed"])
    }

    func testFallbackFontsAreClaimedPerIssueAndAChangedOneRebuildsOnlyItsIssues() throws {
        // ☃ is in no Fandol font: fontconfig finds one on the machine (DejaVu on Debian).
        let session = try RenderSession(home: Repository.root, systemFallback: true)
        let typesetter = try session.typesetter(layout: "jianbao")
        makeArchive(2)
        write("archive/2020/002.json", BatchFixtures.issueJSON(2, headline: "雪人☃来了"))
        func run() throws -> BatchResult { try runBatch(typesetter: typesetter, session: session) }
        try run()
        let claims = manifestClaims()
        XCTAssertNil(claims["2020/001.pdf"]?.fallbackFonts, "an issue the layout's fonts draw alone claims none")
        let fallback = try XCTUnwrap(claims["2020/002.pdf"]?.fallbackFonts, "no fallback font was claimed")
        XCTAssertEqual(fallback.count, 1)
        let (fontPath, digest) = try XCTUnwrap(fallback.first)
        XCTAssertEqual(digest, try BatchFixtures.hashes.digest(of: fontPath))
        XCTAssertEqual(Set(statuses(try run()).values), [.unchanged])

        // The machine's font changes (simulated: the claim remembers another digest).
        let manifest = output + "/bulletin-pdf.manifest.jsonl"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        XCTAssertTrue(text.contains(digest))
        try text.replacingOccurrences(of: digest, with: String(repeating: "0", count: 64))
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let result = try run()
        XCTAssertEqual(result.outcomes.map(\.reason), [nil, "fallback font \(fontPath) changed"])
        XCTAssertEqual(Set(statuses(try run()).values), [.unchanged])
    }

    func testAWholeRunRemovesTheTemporaryFilesOfAKilledRunAndAShardRunLeavesThem() throws {
        makeArchive(2)
        try runBatch()
        // What kill -9 between open and rename leaves (AtomicFile's name), and files that only look alike.
        let stale = [output + "/2020/.001.pdf.4242.123456789.tmp", output + "/.report.json.77.1.tmp"]
        let kept = [output + "/2020/.notes.tmp", output + "/2020/001.pdf.tmp", output + "/2020/.001.pdf.x.1.tmp"]
        for file in stale + kept { write(String(file.dropFirst(directory.count + 1)), "partial") }
        XCTAssertTrue(stale.allSatisfy { AtomicFile.isTemporaryName(($0 as NSString).lastPathComponent) })
        XCTAssertFalse(kept.contains { AtomicFile.isTemporaryName(($0 as NSString).lastPathComponent) })

        // A shard shares the directory with other shards that may be writing: it removes nothing.
        try runBatch(shard: Shard(index: 1, count: 2))
        XCTAssertTrue((stale + kept).allSatisfy { FileManager.default.fileExists(atPath: $0) })

        let printed = PrintedLines()
        let result = try runBatch(progress: ProgressPrinter(mode: .quiet, output: { printed.append($0) }))
        let notes = printed.lines
        XCTAssertTrue(result.succeeded)
        XCTAssertFalse(stale.contains { FileManager.default.fileExists(atPath: $0) }, "stale temporary files remain")
        XCTAssertTrue(kept.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "a file that is not ours was removed")
        XCTAssertTrue(notes.contains { $0.contains("removed 2 temporary files an interrupted run left") }, "\(notes)")
    }

    func testFullDiskFailsWhatItHitsAndTheManifestClaimsOnlyWhatWasWritten() throws {
        makeArchive(5)
        let disk = FillingDisk(capacity: 2)
        let result = try runBatch(jobs: 1, writer: disk)
        XCTAssertTrue(result.outputFailed)
        XCTAssertEqual(result.counts.built, 2)
        XCTAssertEqual(result.counts.failed, 3)
        let failed = result.outcomes.filter { $0.status == .failed }
        XCTAssertTrue(failed.allSatisfy { $0.failure == .output })
        XCTAssertEqual(failed.first?.errors.map(\.description),
                       ["\(output)/\(failed[0].output): cannot write: No space left on device"])
        XCTAssertEqual(outputFiles(), ["2020/001.pdf", "2020/002.pdf"])
        XCTAssertEqual(Set(manifestClaims().keys), ["2020/001.pdf", "2020/002.pdf"])
        // With room again, the rest is built and what was done is kept.
        let again = try runBatch()
        XCTAssertEqual(again.outcomes.map(\.status), [.unchanged, .unchanged, .built, .built, .built])
    }

    func testACrashBetweenRenameAndClaimLeavesNoStaleClaim() throws {
        makeArchive(1)
        try runBatch()
        let old = try XCTUnwrap(manifestClaims()["2020/001.pdf"])
        write("archive/2020/001.json", BatchFixtures.issueJSON(1, headline: "新的标题，比原来的长了不少，排版以后文件也不一样大"))
        // The new PDF is renamed into place, then the process "dies" before claiming it.
        let result = try runBatch(writer: DyingAfterRename())
        XCTAssertEqual(result.outcomes.map(\.status), [.failed])
        XCTAssertNotEqual(fileSize(output + "/2020/001.pdf"), old.pdfBytes, "the new PDF is in place")
        XCTAssertNil(manifestClaims()["2020/001.pdf"], "the old claim must not survive the replacement of its PDF")
        XCTAssertEqual(try runBatch().outcomes.map(\.reason), ["new"])
    }

    func testAStopFinishesTheIssueInFlightRecordsItAndLeavesTheRestForTheNextRun() throws {
        makeArchive(6)
        let writer = StoppingWriter()
        let result = try runBatch(jobs: 1, writer: writer, configure: { writer.runner = $0 })
        XCTAssertEqual(result.stoppedBy, .interrupt)
        XCTAssertEqual(result.outcomes.map(\.status), [.built, .notRun, .notRun, .notRun, .notRun, .notRun])
        XCTAssertEqual(Set(manifestClaims().keys), ["2020/001.pdf"])
        XCTAssertFalse(result.succeeded)
        let resumed = try runBatch()
        XCTAssertEqual(resumed.counts.unchanged, 1)
        XCTAssertEqual(resumed.counts.built, 5)
    }

    func testParallelJobsWriteTheSameBytesAsOne() throws {
        makeArchive(4)
        write("archive/2021/bulletin.txt", BatchFixtures.bulletinText)
        try runBatch(jobs: 1)
        let serial = try outputFiles().map { try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)) }
        let parallel = try runBatch(jobs: 4, force: true)
        XCTAssertEqual(parallel.counts.built, 5)
        XCTAssertEqual(try outputFiles().map { try Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)) }, serial)
    }

    func testPageImagesAreWrittenClaimedAndRemovedWhenNoLongerAsked() throws {
        makeArchive(1)
        let png = OutputSettings(pngDPI: 20)
        try runBatch(settings: png)
        XCTAssertEqual(outputFiles(), ["2020/001-1.png", "2020/001.pdf"])
        XCTAssertEqual(manifestClaims()["2020/001.pdf"]?.images, ["2020/001-1.png"])
        XCTAssertEqual(try runBatch(settings: png).outcomes.map(\.status), [.unchanged])
        unlink(output + "/2020/001-1.png")
        XCTAssertEqual(try runBatch(settings: png).outcomes.map(\.reason), ["output missing or changed"])
        XCTAssertEqual(try runBatch().outcomes.map(\.reason), ["settings changed"])
        XCTAssertEqual(outputFiles(), ["2020/001.pdf"])
    }

    func testCollidingInputsAreRefusedNamingBothAndTheRestIsBuilt() throws {
        makeArchive(2)
        write("archive/2020/001.txt", BatchFixtures.bulletinText)
        let result = try runBatch()
        XCTAssertEqual(result.counts.built, 1)
        XCTAssertEqual(result.counts.failed, 2)
        let refused = result.outcomes.filter { $0.status == .failed }
        XCTAssertEqual(refused.map(\.errors[0].description), [
            "\(archive)/2020/001.json: would be written to 2020/001.pdf, as would \(archive)/2020/001.txt; neither is typeset (rename one)",
            "\(archive)/2020/001.txt: would be written to 2020/001.pdf, as would \(archive)/2020/001.json; neither is typeset (rename one)",
        ])
        XCTAssertEqual(outputFiles(), ["2020/002.pdf"])
    }

    func testShardsTogetherBuildTheArchiveOnceAndAWholeRunFindsItDone() throws {
        makeArchive(12)
        var builtBy: [String: Int] = [:]
        for k in 1...3 {
            let result = try runBatch(shard: Shard(index: k, count: 3))
            XCTAssertTrue(result.succeeded)
            for outcome in result.outcomes {
                XCTAssertEqual(outcome.status, .built)
                XCTAssertNil(builtBy.updateValue(k, forKey: outcome.output), "\(outcome.output) built by two shards")
            }
        }
        XCTAssertEqual(builtBy.count, 12)
        let whole = try runBatch()
        XCTAssertEqual(whole.counts.unchanged, 12)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".jsonl") },
                       [ManifestStore.mainFileName])
    }

    func testReportAndIndexDescribeTheRun() throws {
        makeArchive(2)
        write("archive/2020/bad.json", "{\n  \"masthead\": 42\n}\n")
        let report = path("report.json"), index = path("index.csv")
        let result = try runBatch(report: report, index: index)
        XCTAssertEqual(result.counts.failed, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        XCTAssertEqual((json["counts"] as? [String: Int])?["built"], 2)
        XCTAssertEqual((json["counts"] as? [String: Int])?["failed"], 1)
        let issues = try XCTUnwrap(json["issues"] as? [[String: Any]])
        XCTAssertEqual(issues.map { $0["status"] as? String }, ["built", "built", "failed"])
        let errors = try XCTUnwrap(issues[2]["errors"] as? [[String: Any]])
        XCTAssertTrue(errors.allSatisfy { $0["file"] as? String == archive + "/2020/bad.json" })
        // `"masthead": 42` is at line 2, column 15.
        XCTAssertTrue(errors.contains { $0["line"] as? Int == 2 && $0["column"] as? Int == 15 }, "\(errors)")
        XCTAssertGreaterThan((issues[0]["seconds"] as? Double) ?? 0, 0)
        XCTAssertEqual(issues[0]["pages"] as? Int, result.outcomes[0].pages)
        let timings = try XCTUnwrap(json["timings"] as? [String: Any])
        XCTAssertGreaterThan((timings["total"] as? Double) ?? 0, 0)
        XCTAssertGreaterThan(((timings["perIssue"] as? [String: Double])?["pdf"]) ?? 0, 0)

        let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: index)).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(csv, "issue,total_number,date,titles,pages,pdf\r\n"
                       + "第1期,总第101期,2020-07-02,第1期的标题,\(result.outcomes[0].pages),\(output)/2020/001.pdf\r\n"
                       + "第2期,总第102期,2020-07-03,第2期的标题,\(result.outcomes[1].pages),\(output)/2020/002.pdf\r\n")
        // A re-run that skips everything still lists every issue.
        try runBatch(index: index)
        XCTAssertEqual(String(decoding: try Data(contentsOf: URL(fileURLWithPath: index)).dropFirst(3), as: UTF8.self), csv)
    }
}

/// A disk with room for `capacity` files: later writes fail as a full disk does, leaving nothing.
final class FillingDisk: OutputWriter, @unchecked Sendable {
    private let capacity: Int
    private var written = 0
    private let lock = NSLock()
    private let real = AtomicOutputWriter()

    init(capacity: Int) { self.capacity = capacity }

    func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.WriteError) {
        lock.lock()
        let full = written >= capacity
        if !full { written += 1 }
        lock.unlock()
        if full { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(ENOSPC))) }
        try real.write(bytes, to: path)
    }

    func createDirectory(_ path: String) throws(AtomicFile.WriteError) { try real.createDirectory(path) }
}

/// Writes the file (renamed into place), then fails as if the process had died right after.
final class DyingAfterRename: OutputWriter, @unchecked Sendable {
    private let real = AtomicOutputWriter()

    func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.WriteError) {
        try real.write(bytes, to: path)
        throw AtomicFile.WriteError(path: path, reason: "died after the rename")
    }

    func createDirectory(_ path: String) throws(AtomicFile.WriteError) { try real.createDirectory(path) }
}

/// Writes normally, and asks the batch to stop (as SIGINT would) during its first write.
final class StoppingWriter: OutputWriter, @unchecked Sendable {
    var runner: BatchRunner?
    private let real = AtomicOutputWriter()

    func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.WriteError) {
        runner?.requestStop(.interrupt)
        try real.write(bytes, to: path)
    }

    func createDirectory(_ path: String) throws(AtomicFile.WriteError) { try real.createDirectory(path) }
}
