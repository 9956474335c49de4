@testable import BulletinBatch
import Foundation
import XCTest

/// Finding the inputs: tree walk, kinds, output names, problems.
final class DiscoveryTests: BatchTestCase {
    func testWalksDirectoriesRecursivelyAndMirrorsTheTree() {
        write("archive/2020/033.json", "{}")
        write("archive/2020/034.txt", "text")
        write("archive/2021/sub/001.JSON", "{}")
        write("archive/2021/notes.md", "ignored")
        write("archive/.hidden/002.json", "{}")
        write("archive/2021/.003.json.123.tmp", "{}")
        let result = ArchiveDiscovery.discover([archive])
        XCTAssertEqual(result.problems, [])
        XCTAssertEqual(result.items.map(\.relativePath), ["2020/033.json", "2020/034.txt", "2021/sub/001.JSON"])
        XCTAssertEqual(result.items.map(\.outputPath), ["2020/033.pdf", "2020/034.pdf", "2021/sub/001.pdf"])
        XCTAssertEqual(result.items.map(\.kind), [.issueJSON, .bulletinText, .issueJSON])
        XCTAssertEqual(result.items[0].path, archive + "/2020/033.json")
    }

    func testFilesNamedOnTheCommandLineKeepTheirNames() {
        let a = write("a/x.json", "{}")
        let b = write("b/y.txt", "text")
        let result = ArchiveDiscovery.discover([a, b])
        XCTAssertEqual(result.items.map(\.outputPath), ["x.pdf", "y.pdf"])
    }

    func testMissingAndUnsupportedInputsAreProblemsNotFatal() {
        let good = write("good.json", "{}")
        let other = write("picture.png", "png")
        let result = ArchiveDiscovery.discover([path("missing"), other, good])
        XCTAssertEqual(result.problems, [.noSuchInput(path: path("missing")), .unsupportedInput(path: other)])
        XCTAssertEqual(result.items.map(\.relativePath), ["good.json"])
        XCTAssertEqual(result.problems[0].description, "\(path("missing")): no such file or directory")
    }

    func testSymbolicLinkLoopIsReportedAndNotFollowed() throws {
        write("archive/2020/001.json", "{}")
        try FileManager.default.createSymbolicLink(atPath: path("archive/2020/back"), withDestinationPath: "..")
        // A link to a directory elsewhere is followed like any directory.
        write("elsewhere/002.json", "{}")
        try FileManager.default.createSymbolicLink(atPath: path("archive/linked"), withDestinationPath: path("elsewhere"))
        let result = ArchiveDiscovery.discover([archive])
        XCTAssertEqual(result.items.map(\.relativePath), ["2020/001.json", "linked/002.json"])
        XCTAssertEqual(result.problems, [.symlinkLoop(path: archive + "/2020/back", target: "..")])
        XCTAssertEqual(result.problems[0].description,
                       "\(archive)/2020/back: symbolic link loop (points to .., which contains it); not followed")
    }

    func testBrokenLinkToAnInputIsReported() throws {
        write("archive/001.json", "{}")
        try FileManager.default.createSymbolicLink(atPath: path("archive/002.json"), withDestinationPath: path("gone.json"))
        let result = ArchiveDiscovery.discover([archive])
        XCTAssertEqual(result.items.map(\.relativePath), ["001.json"])
        XCTAssertEqual(result.problems, [.unreadable(path: archive + "/002.json", reason: "broken symbolic link")])
    }

    func testUnreadableDirectoryIsReportedAndTheRestIsFound() throws {
        write("archive/2020/001.json", "{}")
        write("archive/2021/001.json", "{}")
        chmod(path("archive/2020"), 0)
        if access(path("archive/2020"), R_OK) == 0 {
            throw XCTSkip("running as root: permission bits do not stop reading (the CLI test runs this as nobody)")
        }
        let result = ArchiveDiscovery.discover([archive])
        XCTAssertEqual(result.items.map(\.relativePath), ["2021/001.json"])
        XCTAssertEqual(result.problems, [.unreadable(path: archive + "/2020", reason: "Permission denied")])
    }

    func testOutputDirectoryAndReportInsideTheArchiveArePassedOver() {
        write("archive/001.json", "{}")
        write("archive/out/001.json", "{}")
        write("archive/report.json", "{}")
        let result = ArchiveDiscovery.discover([archive], excluding: [archive + "/out", archive + "/report.json"])
        XCTAssertEqual(result.items.map(\.relativePath), ["001.json"])
    }

    func testTwoInputsWithOneOutputAreBothRefused() {
        write("archive/033.json", "{}")
        write("archive/033.txt", "text")
        write("archive/034.json", "{}")
        let (unique, collisions) = OutputCollisions.separate(ArchiveDiscovery.discover([archive]).items)
        XCTAssertEqual(unique.map(\.relativePath), ["034.json"])
        XCTAssertEqual(collisions, [.outputCollision(output: "033.pdf", inputs: [archive + "/033.json", archive + "/033.txt"])])
    }
}
