import Foundation
import TestSupport
import XCTest

/// The command line itself: help, usage errors, standard input and output, PNGs, the schema.
final class CommandLineTests: CLITestCase {
    func testRenderHelpShowsExamples() {
        let run = CLI.run(["render", "--help"])
        XCTAssertEqual(run.status, Exit.ok)
        XCTAssertTrue(run.stdout.contains("Examples:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("bulletin-pdf render issue.json -o out/issue.pdf --png out/pages --dpi 150"),
                      run.stdout)
        XCTAssertTrue(run.stdout.contains("cat issue.json | bulletin-pdf render - -o - > issue.pdf"), run.stdout)
    }

    func testTopLevelHelpListsTheExitCodes() {
        let run = CLI.run(["--help"])
        XCTAssertEqual(run.status, Exit.ok)
        XCTAssertTrue(run.stdout.contains("Exit codes: 0 success; 1 invalid input"), run.stdout)
        XCTAssertTrue(run.stdout.contains("3 output could not be written; 64 bad command-line usage"), run.stdout)
    }

    func testMissingInputIsAUsageError() {
        let run = CLI.run(["render"])
        XCTAssertEqual(run.status, Exit.usage)
        XCTAssertTrue(run.stderr.contains("Missing expected argument '<inputs> ...'"), run.stderr)
    }

    func testStandardInputWithoutOutputIsAUsageError() {
        let run = CLI.run(["render", "-"], stdin: Data(IssueJSON.valid.utf8))
        XCTAssertEqual(run.status, Exit.usage)
        XCTAssertTrue(run.stderr.contains("reading standard input needs -o (a path, or - for standard output)."),
                      run.stderr)
    }

    func testOutOfRangeDPIIsAUsageError() {
        let input = write("issue.json", IssueJSON.valid)
        let run = CLI.run(["render", input, "--dpi", "5"])
        XCTAssertEqual(run.status, Exit.usage)
        XCTAssertTrue(run.stderr.contains("--dpi must be between 10 and 2400."), run.stderr)
        XCTAssertFalse(exists(path("issue.pdf")))
    }

    func testStandardInputToStandardOutput() {
        let input = write("issue.json", IssueJSON.valid)
        let pdf = path("piped.pdf")
        let run = CLI.shell("cat '\(input)' | \"$BULLETIN_PDF\" render - -o - > '\(pdf)'")
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(contents(of: pdf)?.prefix(5), Data("%PDF-".utf8))
        XCTAssertEqual(pageCount(pdf), 1)
        XCTAssertTrue(text(of: pdf).contains("第一段文字。"))
    }

    func testErrorsInStandardInputAreLocatedAsDash() {
        let run = CLI.run(["render", "-", "-o", "-"], stdin: Data(IssueJSON.withBlocks("42").utf8))
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stdout, "", "nothing may reach standard output after an error")
        XCTAssertEqual(run.stderrLines, [
            #"error: -:3:42: sections[0].articles[0].blocks[0]: expected a paragraph, heading or note "#
                + #"(a string, or an object with "paragraph", "heading" or "note"), found a number"#,
        ])
    }

    func testPNGOptionWritesOnePNGPerPage() throws {
        let input = path("2020-033.json")
        try FileManager.default.copyItem(atPath: Repository.path("Samples/2020-033.json"), toPath: input)
        let pdf = path("out.pdf"), pages = path("pages")
        let run = CLI.run(["render", input, "-o", pdf, "--png", pages, "--dpi", "30"])
        XCTAssertEqual(run.status, Exit.ok, run.stderr)
        let count = pageCount(pdf)
        XCTAssertGreaterThan(count, 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: pages).sorted()
        XCTAssertEqual(names, (1...count).map { "2020-033-\($0).png" }.sorted())
        for name in names {
            let png = contents(of: (pages as NSString).appendingPathComponent(name))
            XCTAssertEqual(png?.prefix(8), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), name)
        }
    }

    func testSchemaIsValidJSON() throws {
        let run = CLI.run(["schema"])
        XCTAssertEqual(run.status, Exit.ok)
        let schema = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        XCTAssertNotNil(schema?["properties"], "not a JSON Schema object")
        // A second, independent parser.
        let python = try Shell.run("/usr/bin/env", ["python3", "-c", "import json,sys; json.load(sys.stdin)"],
                                   stdin: Data(run.stdout.utf8))
        XCTAssertEqual(python.status, 0, python.stderr)
    }
}
