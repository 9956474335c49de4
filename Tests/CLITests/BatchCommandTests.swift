import Foundation
import TestSupport
import XCTest

/// `bulletin-pdf batch` run as a user runs it.
final class BatchCommandTests: BatchCLITestCase {
    func testTypesetsAnArchiveThenSkipsItThenRebuildsWithForce() {
        makeSmallArchive(3)
        write("archive/2021/001.json", IssueJSON.valid)
        var run = BatchCLI.run(["batch", archive, "-o", output])
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        XCTAssertEqual(pdfs(), ["2020/001.pdf", "2020/002.pdf", "2020/003.pdf", "2021/001.pdf"])
        // Not a terminal: one line per issue, then the summary.
        let lines = run.stderrLines
        XCTAssertEqual(lines.count, 5, run.stderr)
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.hasPrefix("built 202") && $0.contains(" (1 page, ") }, run.stderr)
        XCTAssertTrue(lines.last!.hasPrefix("batch: 4 issues: 4 built, 0 unchanged, 0 failed; 4 pages in "), lines.last!)
        assertOnlyCompleteOutputsAndTrueClaims()

        run = BatchCLI.run(["batch", archive, "-o", output])
        XCTAssertEqual(run.status, Exit.ok)
        XCTAssertEqual(run.stderrLines.filter { $0.hasPrefix("unchanged ") }.count, 4)

        run = BatchCLI.run(["batch", archive, "-o", output, "--force", "--quiet"])
        XCTAssertEqual(run.status, Exit.ok)
        XCTAssertEqual(run.stderr, "", "--quiet prints nothing when all goes well")
    }

    func testLiveProgressLineOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("no script(1) for a terminal") }
        makeSmallArchive(3)
        // script(1) gives the batch a terminal; its output comes back on standard output.
        let run = BatchCLI.shell("/usr/bin/script -qec '\"$BULLETIN_PDF\" batch \(archive) -o \(output)' /dev/null")
        XCTAssertEqual(run.status, Exit.ok, run.stdout)
        XCTAssertTrue(run.stdout.contains("[3/3] "), run.stdout)
        XCTAssertTrue(run.stdout.contains(" issues/s, ETA "), run.stdout)
        XCTAssertFalse(run.stdout.contains("built 2020/001.pdf"), "no per-issue lines on a terminal")
        XCTAssertTrue(run.stdout.contains("batch: 3 issues: 3 built"), run.stdout)
    }

    func testBadInputsAreReportedWithTheirPlaceAndTheOthersAreDone() {
        makeSmallArchive(2)
        let bad = write("archive/2020/bad.json", IssueJSON.withBlocks("42"))
        let run = BatchCLI.run(["batch", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, Exit.invalidInput)
        let place = location(of: "42", in: IssueJSON.withBlocks("42"))
        XCTAssertEqual(run.stderrLines.count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("error: \(bad):\(place.line):\(place.column): sections[0].articles[0].blocks[0]: "),
                      run.stderr)
        XCTAssertEqual(pdfs(), ["2020/001.pdf", "2020/002.pdf"])
        XCTAssertEqual(Set(claims().keys), ["2020/001.pdf", "2020/002.pdf"])
    }

    func testTwoInputsForOneOutputAreRefusedNamingBoth() {
        makeSmallArchive(1)
        write("archive/2020/001.txt", "文字")
        let run = BatchCLI.run(["batch", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stderrLines, [
            "error: \(archive)/2020/001.json: would be written to 2020/001.pdf, as would \(archive)/2020/001.txt; neither is typeset (rename one)",
            "error: \(archive)/2020/001.txt: would be written to 2020/001.pdf, as would \(archive)/2020/001.json; neither is typeset (rename one)",
        ])
        XCTAssertEqual(pdfs(), [])
    }

    func testSymbolicLinkLoopIsReportedAndTheRestDone() throws {
        makeSmallArchive(2)
        try FileManager.default.createSymbolicLink(atPath: archive + "/2020/loop", withDestinationPath: archive)
        let run = BatchCLI.run(["batch", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stderrLines, ["error: \(archive)/2020/loop: symbolic link loop (points to \(archive), which contains it); not followed"])
        XCTAssertEqual(pdfs(), ["2020/001.pdf", "2020/002.pdf"])
    }

    func testUnreadableDirectoryIsReportedAndTheRestDone() {
        makeSmallArchive(1)
        write("archive/2021/001.json", IssueJSON.valid)
        chmod(archive + "/2021", 0)
        try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        chmod(output, 0o777)
        let run = BatchCLI.runUnprivileged(["batch", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, Exit.invalidInput, run.stderr)
        XCTAssertEqual(run.stderrLines, ["error: \(archive)/2021: cannot read: Permission denied"])
        XCTAssertEqual(pdfs(), ["2020/001.pdf"])
    }

    func testReadOnlyOutputDirectoryIsAClearErrorAndNothingIsWritten() {
        makeSmallArchive(2)
        try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        chmod(output, 0o555)
        let run = BatchCLI.runUnprivileged(["batch", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, Exit.outputFailed, run.stderr)
        XCTAssertEqual(run.stderrLines, ["error: \(output): cannot use as the output directory: Permission denied"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output), [])
    }

    func testReadOnlySubdirectoryFailsItsIssuesOnlyAndTheManifestStaysTrue() {
        makeSmallArchive(1)
        write("archive/2021/001.json", IssueJSON.valid)
        try? FileManager.default.createDirectory(atPath: output + "/2021", withIntermediateDirectories: true)
        chmod(output, 0o777)
        chmod(output + "/2021", 0o555)
        let run = BatchCLI.runUnprivileged(["batch", archive, "-o", output, "--quiet"])
        XCTAssertEqual(run.status, Exit.outputFailed, run.stderr)
        XCTAssertEqual(run.stderrLines, ["error: \(output)/2021/001.pdf: cannot write: Permission denied"])
        XCTAssertEqual(pdfs(), ["2020/001.pdf"])
        XCTAssertEqual(Set(claims().keys), ["2020/001.pdf"])
        XCTAssertEqual(temporaryFiles(in: output + "/2021"), [])
    }

    func testFullDiskFailsTheIssuesItHitsCleanly() throws {
        // A file-size limit stands in for a full disk (no root needed): writes past it fail with
        // EFBIG as they would with ENOSPC. Small issues fit in 200 KB; the samples do not.
        makeSmallArchive(2)
        try makeSampleArchive(1)
        let run = BatchCLI.shell("ulimit -f 400; exec \"$BULLETIN_PDF\" batch \(archive) -o \(output) --quiet")
        XCTAssertEqual(run.status, Exit.outputFailed, run.stderr)
        XCTAssertEqual(run.stderrLines, ["error: \(output)/001.pdf: cannot write: File too large"])
        XCTAssertEqual(pdfs(), ["2020/001.pdf", "2020/002.pdf"])
        XCTAssertEqual(Set(claims().keys), ["2020/001.pdf", "2020/002.pdf"])
        XCTAssertEqual(temporaryFiles(in: output), [])
        assertOnlyCompleteOutputsAndTrueClaims()
        // With room again the rest is done.
        let again = BatchCLI.run(["batch", archive, "-o", output])
        XCTAssertEqual(again.status, Exit.ok, again.stderr)
        XCTAssertTrue(again.stderr.contains("3 issues: 1 built, 2 unchanged"), again.stderr)
    }

    func testShardsOnSeparateMachinesMergeIntoOneArchive() {
        makeSmallArchive(8)
        var built: [String] = []
        for k in 1...3 {
            let shardOutput = path("machine-\(k)")
            let run = BatchCLI.run(["batch", archive, "-o", shardOutput, "--shard", "\(k)/3"])
            XCTAssertEqual(run.status, Exit.ok, run.stderr)
            built += run.stderrLines.filter { $0.hasPrefix("built ") }.map { String($0.split(separator: " ")[1]) }
            // What a CI job uploads and the next one downloads: the tree, without timestamps.
            XCTAssertEqual(BatchCLI.shell("mkdir -p \(output) && cp -R \(shardOutput)/. \(output)/").status, 0)
        }
        XCTAssertEqual(built.sorted(), (1...8).map { String(format: "2020/%03d.pdf", $0) }, "each issue built by exactly one shard")
        let merge = BatchCLI.run(["batch", "--merge-manifests", "-o", output])
        XCTAssertEqual(merge.status, Exit.ok, merge.stderr)
        XCTAssertEqual(merge.stdout, "\(output)/bulletin-pdf.manifest.jsonl: 8 outputs claimed\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".jsonl") },
                       ["bulletin-pdf.manifest.jsonl"])
        let whole = BatchCLI.run(["batch", archive, "-o", output])
        XCTAssertEqual(whole.status, Exit.ok)
        XCTAssertTrue(whole.stderr.contains("8 issues: 0 built, 8 unchanged"), whole.stderr)
    }

    func testReportAndIndexFiles() throws {
        makeSmallArchive(2)
        let run = BatchCLI.run(["batch", archive, "-o", output, "-q", "--report", path("report.json"), "--index", path("index.csv")])
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: contents(of: path("report.json")) ?? Data()) as? [String: Any])
        XCTAssertEqual((report["issues"] as? [[String: Any]])?.compactMap { $0["status"] as? String }, ["built", "built"])
        XCTAssertTrue((report["tool"] as? String)?.hasPrefix("bulletin-pdf ") ?? false)
        let csv = String(decoding: (contents(of: path("index.csv")) ?? Data()).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(csv.components(separatedBy: "\r\n").first, "issue,total_number,date,titles,pages,pdf")
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count, 4, csv)
    }

    func testUsageErrors() {
        XCTAssertEqual(BatchCLI.run(["batch", "-o", output]).status, Exit.usage)
        XCTAssertEqual(BatchCLI.run(["batch", archive, "-o", output, "--shard", "3/2"]).status, Exit.usage)
        XCTAssertEqual(BatchCLI.run(["batch", archive, "-o", output, "--jobs", "0"]).status, Exit.usage)
        XCTAssertEqual(BatchCLI.run(["batch", archive, "--merge-manifests", "-o", output]).status, Exit.usage)
    }
}
