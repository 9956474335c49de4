import BulletinDiff
import BulletinVisualDiff
import Foundation
import TestSupport
import XCTest

/// snapshot → diff --goldens → --update on a small archive of two one-page issues, at 40 dpi.
final class GoldenWorkflowTests: XCTestCase {
    var directory = ""
    var archive: String { (directory as NSString).appendingPathComponent("archive") }
    var goldens: String { (directory as NSString).appendingPathComponent("goldens") }

    override func setUpWithError() throws {
        directory = Repository.temporaryDirectory()
        Fixtures.write(Fixtures.issue(Fixtures.paragraphs), to: issue("a"))
        Fixtures.write(Fixtures.issue(Array(Fixtures.paragraphs.reversed()), number: "第2期"), to: issue("b"))
        _ = try Snapshot(archive: IssueDocuments(path: archive, session: Fixtures.session, dpi: 40)).record(into: goldens)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func issue(_ name: String) -> String { (archive as NSString).appendingPathComponent("\(name).json") }
    private func golden(_ file: String) -> String { (goldens as NSString).appendingPathComponent(file) }

    private func check(update: Bool = false) -> DiffReport {
        let options = DiffOptions()
        return GoldenCheck(goldens: goldens, archive: archive, options: options, update: update, session: Fixtures.session)
            .run(settings: options.settings(dpi: nil, rasterizer: nil))
    }

    func testSnapshotRecordsPagesTracesAndTheEnvironment() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: goldens).sorted()
        XCTAssertEqual(files, ["a-1.png", "a.trace", "b-1.png", "b.trace", "manifest.json"])
        let manifest = try GoldenManifest.read(directory: goldens)
        XCTAssertEqual(manifest.dpi, 40)
        XCTAssertEqual(manifest.layout, "jianbao")
        XCTAssertEqual(manifest.documents, [.init(name: "a", pages: 1), .init(name: "b", pages: 1)])
        XCTAssertEqual(manifest.environment.cairo, LibraryVersions.cairo)
        XCTAssertEqual(manifest.environment.freeType, LibraryVersions.freeType)
        XCTAssertFalse(manifest.environment.fonts.isEmpty)
        for (name, hash) in manifest.environment.fonts {
            XCTAssertEqual(hash, SHA256.hex(ofFile: Repository.path("Fonts/\(name)")), name)
        }
        let png = try RasterImage(pngFile: golden("a-1.png"))
        XCTAssertEqual(png.size, PixelSize(width: 331, height: 468), "A4 at 40 dpi")
        XCTAssertTrue(try String(contentsOfFile: golden("a.trace"), encoding: .utf8).contains("测试标题"))
    }

    func testUnchangedArchiveIsSame() {
        let report = check()
        XCTAssertEqual(report.outcome, .same, Fixtures.describe(report))
        XCTAssertEqual(report.warnings, [])
        XCTAssertEqual(report.totals.pages, 2)
    }

    func testOneIssueAgainstTheGoldensDirectory() {
        let options = DiffOptions()
        let report = GoldenCheck(goldens: goldens, archive: issue("b"), options: options, update: false, session: Fixtures.session)
            .run(settings: options.settings(dpi: nil, rasterizer: nil))
        XCTAssertEqual(report.outcome, .same, Fixtures.describe(report))
        XCTAssertEqual(report.documents.map(\.name), ["b"], "paired with the golden of its name; the others are not 'removed'")
    }

    func testAChangedParagraphIsNamed() {
        var paragraphs = Fixtures.paragraphs
        paragraphs[1] = paragraphs[1].replacingOccurrences(of: "细化落实措施", with: "完善配套政策")
        Fixtures.write(Fixtures.issue(paragraphs), to: issue("a"))
        let report = check()
        XCTAssertEqual(report.outcome, .different)
        XCTAssertEqual(report.documents.map(\.status), [.different, .same])
        let changes = report.documents[0].changes.map(\.description)
        XCTAssertTrue(changes.contains { $0.contains("text changed") && $0.contains("细化落实措施") && $0.contains("完善配套政策") },
                      "\(changes)")
    }

    func testUpdateReRecordsOnlyWhatChangedAndSaysSo() throws {
        let untouched = try Data(contentsOf: URL(fileURLWithPath: golden("b-1.png")))
        var paragraphs = Fixtures.paragraphs
        paragraphs[2] += "同时加强宣传引导，营造良好氛围。"
        Fixtures.write(Fixtures.issue(paragraphs), to: issue("a"))
        let updated = check(update: true)
        XCTAssertEqual(updated.outcome, .same, "what differed is re-recorded: \(Fixtures.describe(updated))")
        XCTAssertEqual(updated.documents.first?.status, .different, "the report still says what differed")
        XCTAssertEqual(updated.updates.count, 1, "\(updated.updates)")
        XCTAssertTrue(updated.updates[0].hasPrefix("a: re-recorded a-1.png ("), updated.updates[0])
        XCTAssertTrue(updated.updates[0].contains("a.trace (text or positions changed)"), updated.updates[0])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: golden("b-1.png"))), untouched, "b was not re-recorded")
        XCTAssertEqual(check().outcome, .same)
    }

    func testAnIssueWithoutGoldensIsAnErrorUntilRecorded() {
        Fixtures.write(Fixtures.issue(["新的一期。"], number: "第3期"), to: issue("c"))
        let report = check()
        XCTAssertEqual(report.outcome, .error)
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.documents.last?.errors, [
            "\(golden("c-1.png")): missing golden; no goldens for c; record them with `diff --goldens \(goldens) … --update`"])
        let updated = check(update: true)
        XCTAssertEqual(updated.outcome, .same)
        XCTAssertTrue(updated.updates.contains("c: re-recorded c-1.png (new), c.trace (new)"), "\(updated.updates)")
        XCTAssertEqual(check().outcome, .same)
    }

    func testARemovedIssueIsADifferenceAndUpdateDropsItsGoldens() throws {
        try FileManager.default.removeItem(atPath: issue("b"))
        let report = check()
        XCTAssertEqual(report.outcome, .different)
        XCTAssertEqual(report.documents.map(\.status), [.same, .removed])
        let updated = check(update: true)
        XCTAssertEqual(updated.outcome, .same)
        XCTAssertTrue(updated.updates.contains("b: removed its goldens (no longer in the archive)"), "\(updated.updates)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: golden("b-1.png")))
        XCTAssertEqual(try GoldenManifest.read(directory: goldens).documents.map(\.name), ["a"])
    }

    func testAMissingGoldenPageIsAnError() throws {
        try FileManager.default.removeItem(atPath: golden("a-1.png"))
        let report = check()
        XCTAssertEqual(report.outcome, .error)
        XCTAssertEqual(report.documents[0].pages[0].error,
                       "\(golden("a-1.png")): missing golden; the manifest lists 1 pages; re-record with `diff --goldens … --update`")
    }

    func testAnUnreadableGoldenIsAnError() throws {
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: golden("b-1.png")))
        let report = check()
        XCTAssertEqual(report.outcome, .error)
        XCTAssertEqual(report.documents[1].pages[0].error, "\(golden("b-1.png")): cannot read PNG: not a PNG file (bad signature)")
        XCTAssertEqual(check(update: true).outcome, .same, "--update re-records an unreadable golden")
        XCTAssertEqual(check().outcome, .same)
    }

    func testGoldensFromAnotherMachineWarnAndTurnDifferencesIntoErrors() throws {
        var manifest = try GoldenManifest.read(directory: goldens)
        manifest.environment.cairo = "1.14.0"
        let font = manifest.environment.fonts.keys.sorted()[0]
        manifest.environment.fonts[font] = String(repeating: "0", count: 64)
        try Data(manifest.encoded()).write(to: URL(fileURLWithPath: golden("manifest.json")))
        let same = check()
        XCTAssertEqual(same.outcome, .same, "no difference: only a warning")
        XCTAssertEqual(same.warnings.count, 2, "\(same.warnings)")
        XCTAssertTrue(same.warnings[0].hasPrefix("goldens from another machine: Cairo \(LibraryVersions.cairo) here, 1.14.0 when"))
        XCTAssertTrue(same.warnings[1].contains("font \(font) differs"), same.warnings[1])

        Fixtures.write(Fixtures.issue(["完全不同的一段文字。"]), to: issue("a"))
        let different = check()
        XCTAssertEqual(different.outcome, .error, "a difference on goldens from another machine cannot be trusted")
        XCTAssertTrue(different.errors.last?.contains("were recorded on another machine") ?? false, "\(different.errors)")
    }

    func testAFailingIssueLeavesTheGoldensUntouched() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: goldens).sorted()
        let manifest = try Data(contentsOf: URL(fileURLWithPath: golden("manifest.json")))
        Fixtures.write("{ \"masthead\": 3 }", to: issue("broken"))
        XCTAssertThrowsError(try Snapshot(archive: IssueDocuments(path: archive, session: Fixtures.session, dpi: 40)).record(into: goldens)) {
            XCTAssertTrue("\($0)".contains("broken.json"), "\($0)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: goldens).sorted(), before, "no staging directory left")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: golden("manifest.json"))), manifest)
    }

    func testManifestErrorsAreLocated() throws {
        try Data("{\n  \"format\": \"bulletin-pdf-goldens/1\",\n  \"dpi\": \"sixty\"\n}\n".utf8)
            .write(to: URL(fileURLWithPath: golden("manifest.json")))
        XCTAssertThrowsError(try GoldenManifest.read(directory: goldens)) {
            XCTAssertEqual("\($0)", "\(golden("manifest.json")):3:10: expected \"dpi\": a positive number")
        }
        XCTAssertEqual(check().errors, ["\(golden("manifest.json")):3:10: expected \"dpi\": a positive number"])
        try Data("{ \"format\": ".utf8).write(to: URL(fileURLWithPath: golden("manifest.json")))
        XCTAssertThrowsError(try GoldenManifest.read(directory: goldens)) {
            XCTAssertTrue("\($0)".hasPrefix("\(golden("manifest.json")):1:13: "), "\($0)")
        }
    }
}
