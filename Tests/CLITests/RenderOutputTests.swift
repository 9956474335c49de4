import Foundation
import TestSupport
import XCTest

/// Where the PDF goes: written whole or not at all, never over the input, never over an existing
/// file by a failed run; exit code 3 when it cannot be written.
final class RenderOutputTests: CLITestCase {
    func testWritesThePDFNextToTheInputByDefault() {
        let input = write("issue.json", IssueJSON.valid)
        let run = CLI.run(["render", input])
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(pageCount(path("issue.pdf")), 1)
        XCTAssertTrue(text(of: path("issue.pdf")).contains("第一段文字。"))
        XCTAssertEqual(temporaryFiles(in: directory), [])
    }

    func testMissingOutputDirectoryIsAnOutputError() {
        let input = write("issue.json", IssueJSON.valid)
        let output = path("no-such-directory/issue.pdf")
        let run = CLI.run(["render", input, "-o", output])
        XCTAssertEqual(run.status, Exit.outputFailed)
        XCTAssertEqual(run.stderrLines, ["error: \(output): cannot write: directory \(path("no-such-directory")) does not exist"])
        XCTAssertFalse(exists(path("no-such-directory")))
    }

    func testReadOnlyOutputDirectoryIsAnOutputError() {
        let input = write("issue.json", IssueJSON.valid)
        let readOnly = path("read-only")
        try! FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        chmod(readOnly, 0o555)
        var output = (readOnly as NSString).appendingPathComponent("issue.pdf")
        var reason = "Permission denied"
        if access(readOnly, W_OK) == 0 {
            // Running as root (CI containers): permission bits do not stop root, so chmod cannot
            // make the write fail. A path below a regular file fails for every user instead.
            output = write("plain-file", "not a directory") + "/issue.pdf"
            reason = "\(path("plain-file")) is not a directory"
        }
        let run = CLI.run(["render", input, "-o", output])
        XCTAssertEqual(run.status, Exit.outputFailed, run.stderr)
        XCTAssertEqual(run.stderrLines, ["error: \(output): cannot write: \(reason)"])
        assertNothingWritten(output)
        XCTAssertEqual(temporaryFiles(in: readOnly), [])
    }

    func testFailedRunKeepsTheExistingOutput() {
        let input = write("issue.json", IssueJSON.withBlocks("42"))
        let output = write("issue.pdf", "the PDF of yesterday")
        let run = CLI.run(["render", input, "-o", output])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(contents(of: output), Data("the PDF of yesterday".utf8))
        XCTAssertEqual(temporaryFiles(in: directory), [])
    }

    func testSuccessfulRunReplacesTheExistingOutput() {
        let input = write("issue.json", IssueJSON.valid)
        let output = write("issue.pdf", "the PDF of yesterday")
        XCTAssertEqual(CLI.run(["render", input, "-o", output]).status, Exit.ok)
        XCTAssertEqual(pageCount(output), 1)
        XCTAssertEqual(temporaryFiles(in: directory), [])
    }

    func testOutputEqualToInputIsRefused() {
        let input = write("issue.json", IssueJSON.valid)
        for output in [input, path("./issue.json"), path("sub/../issue.json")] {
            let run = CLI.run(["render", input, "-o", output])
            XCTAssertEqual(run.status, Exit.invalidInput, output)
            XCTAssertEqual(run.stderrLines, ["error: \(output): the output would overwrite the input"])
        }
        XCTAssertEqual(contents(of: input), Data(IssueJSON.valid.utf8))
    }

    func testOutputThatIsTheInputThroughASymlinkIsRefused() throws {
        let real = write("issue.json", IssueJSON.valid)
        let link = path("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        // Reading through the link and writing to the real file would replace the input.
        let run = CLI.run(["render", link, "-o", real])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stderrLines, ["error: \(real): the output would overwrite the input"])
        XCTAssertEqual(contents(of: real), Data(IssueJSON.valid.utf8))
    }

    func testTraceEqualToInputIsRefused() {
        let input = write("issue.json", IssueJSON.valid)
        let run = CLI.run(["render", input, "-o", path("issue.pdf"), "--trace", input])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stderrLines, ["error: \(input): the output would overwrite the input"])
        XCTAssertEqual(contents(of: input), Data(IssueJSON.valid.utf8))
        assertNothingWritten(path("issue.pdf"))
    }

    func testUnwritableStandardOutputIsAnOutputErrorNotACrash() {
        let input = write("issue.json", IssueJSON.valid)
        let run = CLI.shell("\"$BULLETIN_PDF\" render '\(input)' -o - > /dev/full")
        XCTAssertEqual(run.status, Exit.outputFailed, run.stderr)
        XCTAssertEqual(run.stderrLines, ["error: standard output: cannot write: No space left on device"])
    }

    func testPNGDirectoryThatCannotBeCreatedIsAnOutputError() {
        let input = write("issue.json", IssueJSON.valid)
        let file = write("plain-file", "not a directory")
        let run = CLI.run(["render", input, "-o", path("issue.pdf"), "--png", file + "/pages"])
        XCTAssertEqual(run.status, Exit.outputFailed)
        XCTAssertEqual(run.stderrLines, ["error: \(file)/pages: cannot write: cannot create the PNG directory: Not a directory"])
    }
}
