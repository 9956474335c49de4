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
        try makeSampleArchive(100)
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
        assertOnlyCompleteOutputsAndTrueClaims(pdfinfo: false)
    }
}
