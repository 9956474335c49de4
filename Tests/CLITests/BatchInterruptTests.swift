import Foundation
import TestSupport
import XCTest

/// Stopping a batch: SIGINT stops cleanly; kill -9 at any moment leaves only whole PDFs and a
/// manifest that claims only them; the next run finishes the rest.
final class BatchInterruptTests: BatchCLITestCase {
    func testSIGINTFinishesTheIssueInFlightWritesTheManifestAndExitsNonZero() throws {
        try makeSampleArchive(24)
        let batch = try BatchCLI.Background(["batch", archive, "-o", output, "--jobs", "1"])
        XCTAssertTrue(batch.wait { batch.stderr.contains("built ") }, "no issue was built: \(batch.stderr)")
        batch.process.interrupt()
        let status = batch.finish()
        let stderr = batch.stderr
        XCTAssertEqual(status, 130, stderr)
        XCTAssertTrue(stderr.contains("SIGINT: stopping; finishing the issues in flight, then writing the manifest"), stderr)
        let summary = try XCTUnwrap(stderr.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(summary.hasSuffix("; stopped by SIGINT"), summary)
        let built = stderr.split(separator: "\n").filter { $0.hasPrefix("built ") }.count
        XCTAssertGreaterThan(built, 0)
        XCTAssertLessThan(built, 24, "the batch ran to its end before the signal")
        // Every issue reported built is complete and claimed; nothing else is claimed.
        XCTAssertEqual(pdfs().count, built)
        XCTAssertEqual(Set(claims().keys), Set(pdfs()))
        assertOnlyCompleteOutputsAndTrueClaims()

        let rest = BatchCLI.run(["batch", archive, "-o", output, "--jobs", "2"])
        XCTAssertEqual(rest.status, Exit.ok, rest.stderr)
        XCTAssertTrue(rest.stderr.contains("24 issues: \(24 - built) built, \(built) unchanged, 0 failed"), rest.stderr)
    }

    func testKill9InTheMiddleLeavesOnlyCompletePDFsAndTrueClaimsAndTheNextRunFinishes() throws {
        try makeMixedArchive(100)
        let batch = try BatchCLI.Background(["batch", archive, "-o", output, "--jobs", "2"])
        XCTAssertTrue(batch.wait { self.claims().count >= 6 }, "no claims appeared: \(batch.stderr)")
        kill(batch.process.processIdentifier, SIGKILL)
        XCTAssertEqual(batch.finish(), 128 + SIGKILL)
        let claimed = claims()
        XCTAssertGreaterThanOrEqual(claimed.count, 6)
        XCTAssertLessThan(pdfs().count, 100, "the batch ran to its end before the kill")
        assertOnlyCompleteOutputsAndTrueClaims()
        XCTAssertTrue(Set(claimed.keys).isSubset(of: Set(pdfs())))

        let rest = BatchCLI.run(["batch", archive, "-o", output])
        XCTAssertEqual(rest.status, Exit.ok, rest.stderr)
        let summary = rest.stderrLines.last ?? ""
        XCTAssertTrue(summary.contains("100 issues: \(100 - claimed.count) built, \(claimed.count) unchanged, 0 failed"), summary)
        XCTAssertEqual(pdfs().count, 100)
        XCTAssertEqual(claims().count, 100)
        XCTAssertEqual(temporaryFiles(), [], "the next run removes what the killed one left half-written")
        assertOnlyCompleteOutputsAndTrueClaims(pdfinfo: false)
    }

    func testKill9WhileReplacingPDFsLeavesOnlyCompleteOnesAndTrueClaims() throws {
        // Every input changed, so every claimed PDF is being replaced when the kill comes. (The
        // instant between a rename and its claim is too short for a random kill to hit; the
        // library test `testACrashBetweenRenameAndClaimLeavesNoStaleClaim` puts a crash there.)
        try makeMixedArchive(40, sampleEvery: 1000)
        XCTAssertEqual(BatchCLI.run(["batch", archive, "-o", output]).status, Exit.ok)
        for n in 1...40 {
            write("archive/\(String(format: "%03d", n)).json", IssueJSON.withParagraph("第\(n)期，改过的更长的正文。" + String(repeating: "又一句。", count: n)))
        }
        let batch = try BatchCLI.Background(["batch", archive, "-o", output, "--jobs", "2"])
        XCTAssertTrue(batch.wait { batch.stderr.components(separatedBy: "built ").count > 6 }, batch.stderr)
        kill(batch.process.processIdentifier, SIGKILL)
        XCTAssertEqual(batch.finish(), 128 + SIGKILL)
        XCTAssertLessThan(batch.stderr.components(separatedBy: "built ").count - 1, 40, "the batch ran to its end")
        assertOnlyCompleteOutputsAndTrueClaims()
        XCTAssertEqual(pdfs().count, 40, "replacing a PDF never removes it")
        let rest = BatchCLI.run(["batch", archive, "-o", output])
        XCTAssertEqual(rest.status, Exit.ok, rest.stderr)
        XCTAssertEqual(claims().count, 40)
        XCTAssertEqual(temporaryFiles(), [])
        assertOnlyCompleteOutputsAndTrueClaims(pdfinfo: false)
    }
}
