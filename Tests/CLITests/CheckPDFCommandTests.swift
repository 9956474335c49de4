import Foundation
import TestSupport
import XCTest

/// `bulletin-pdf check FILE.pdf` as a user runs it: our own PDF passes, a file that is not a PDF
/// is a located error (named once), and both exit as documented.
final class CheckPDFCommandTests: CLITestCase {
    func testOurOwnSamplePDFPasses() {
        let pdf = path("sample.pdf")
        XCTAssertEqual(CLI.run(["render", Repository.samples[0], "-o", pdf]).status, Exit.ok)
        let run = CLI.run(["check", pdf])
        XCTAssertEqual(run.status, Exit.ok, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("\(pdf): 0 violations in "), run.stdout)
    }

    func testNotAPDFIsALocatedError() {
        let bad = write("bad.pdf", "garbage")
        let run = CLI.run(["check", bad])
        XCTAssertEqual(run.status, Exit.invalidInput)
        XCTAssertEqual(run.stderr, "error: \(bad): byte offset 0: not a PDF file: no '%PDF-' header and no objects\n")
    }
}
