import BulletinDiff
import BulletinVisualDiff
import Foundation
import TestSupport
import XCTest

/// CI's visual check: every Sample, rendered through our Cairo PNG path, against the goldens that
/// `bulletin-pdf snapshot Samples --goldens Tests/Goldens/snapshot --dpi 60` recorded. On a
/// difference the report stays in `out/diff-report/` (index.html) for CI to keep as an artifact.
///
/// Re-record after an intended change: `RECORD_GOLDENS=1 swift test --filter SampleGoldenTests`
/// (fails on purpose), or `bulletin-pdf diff --goldens Tests/Goldens/snapshot Samples --update`,
/// which re-records only what changed; look at the report before committing.
final class SampleGoldenTests: XCTestCase {
    static let goldens = Repository.path("Tests/Goldens/snapshot")
    static let reportDirectory = Repository.path("out/diff-report")

    func testSamplesMatchTheirSnapshotGoldens() throws {
        if Golden.recording {
            let archive = IssueDocuments(path: Repository.path("Samples"), session: Fixtures.session, dpi: 60)
            let summary = try Snapshot(archive: archive).record(into: Self.goldens)
            XCTFail("recorded \(summary.pages) pages into \(Self.goldens); look at them, unset RECORD_GOLDENS and run again")
            return
        }
        try? FileManager.default.removeItem(atPath: Self.reportDirectory)
        try ReportFiles.prepare(Self.reportDirectory)
        let options = DiffOptions(reportDirectory: Self.reportDirectory)
        let report = GoldenCheck(goldens: Self.goldens, archive: Repository.path("Samples"), options: options, update: false,
                                 session: Fixtures.session).run(settings: options.settings(dpi: nil, rasterizer: nil))
        try ReportFiles.write(report, to: Self.reportDirectory)
        for warning in report.warnings { print("warning: \(warning)") }
        if report.outcome == .same {
            try? FileManager.default.removeItem(atPath: Self.reportDirectory)
        } else {
            print("visual diff report kept at \(Self.reportDirectory)/index.html")
        }
        XCTAssertEqual(report.outcome, .same, "\(Fixtures.describe(report))\nreport: \(Self.reportDirectory)/index.html")
        XCTAssertEqual(report.totals.documents, 4)
        XCTAssertEqual(report.totals.pages, 19, "every page of every Sample is checked")
    }
}
