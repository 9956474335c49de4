import ArgumentParser
@testable import BulletinCLI
import TestSupport
import XCTest

/// `ExtractFastPath` reads plain `extract` command lines without swift-argument-parser; these
/// tests hold it to giving exactly the job the parser gives, and to leaving everything else to it.
final class ExtractFastPathTests: XCTestCase {
    /// The job swift-argument-parser makes of `arguments`, or nil when it refuses them.
    private func parsed(_ arguments: [String]) -> ExtractJob? {
        (try? BulletinPDF.parseAsRoot(arguments) as? ExtractCommand)?.job
    }

    func testCommonCommandLinesTakeTheFastPathWithTheParsersJob() throws {
        let lines: [[String]] = [
            ["extract", "a.pdf"],
            ["extract", "a.pdf", "-o", "a.txt"],
            ["extract", "a.pdf", "--output=a.txt"],
            ["extract", "a.pdf", "--format", "markdown", "-o", "a.md"],
            ["extract", "--format=json", "a.pdf", "b.pdf", "-o", "out"],
            ["extract", "-", "--pages", "2-3"],
            ["extract", "a.pdf", "--pages=-2", "--keep-furniture"],
            ["extract", "a.pdf", "--retain-budget", "0", "--format", "issue"],
        ]
        for line in lines {
            let fast = try XCTUnwrap(ExtractFastPath.job(line), "\(line) should take the fast path")
            XCTAssertEqual(fast, parsed(line), "\(line)")
        }
        XCTAssertEqual(ExtractFastPath.job(["extract", "a.pdf", "--pages=-2"])?.pages, "-2")
        XCTAssertEqual(ExtractFastPath.job(["extract", "a.pdf", "b.pdf"])?.inputs, ["a.pdf", "b.pdf"])
    }

    func testEverythingElseIsLeftToTheParser() {
        let lines: [[String]] = [
            [], ["render", "a.json"], ["extract"], ["extract", "--help"], ["extract", "-h", "a.pdf"],
            ["extract", "a.pdf", "--format", "xml"],        // not a format: the parser's message
            ["extract", "a.pdf", "--pages", "-2"],           // a value that looks like an option
            ["extract", "a.pdf", "--pages", "0"],            // fails validation
            ["extract", "-", "-"],                           // standard input twice
            ["extract", "a.pdf", "-o", "x", "--output", "y"],  // repeated option
            ["extract", "a.pdf", "--keep-furniture=yes"], ["extract", "a.pdf", "--", "-b.pdf"],
            ["extract", "a.pdf", "-ox.txt"], ["extract", "a.pdf", "--retain-budget", "many"],
            ["extract", "a.pdf", "--verbose"], ["extract", "a.pdf", "--format="], ["extract", ""],
        ]
        for line in lines {
            XCTAssertNil(ExtractFastPath.job(line), "\(line) should be left to swift-argument-parser")
        }
    }

    /// Random command lines from a vocabulary of good, bad and tricky tokens: whenever the fast
    /// path accepts one, swift-argument-parser accepts it too and makes the same job.
    func testRandomCommandLinesAgreeWithTheParser() {
        let vocabulary = [
            "a.pdf", "b.pdf", "c d.pdf", "-", "--format", "json", "text", "markdown", "issue", "xml", "--format=json",
            "--pages", "2", "2-3", "-2", "--pages=-2", "--pages=1,4,6-", "0", "-o", "out.txt", "--output",
            "--output=o.txt", "--keep-furniture", "--keep-furniture=1", "--retain-budget", "12", "abc",
            "--retain-budget=5", "--retain-budget=-1", "-h", "--help", "--", "-x", "", "--verbose", "-ofile",
            "extract", "=", "--=x", "--output=", "--pages=", "-o=x", "--keep-furniture", "-",
        ]
        var generator = SplitMix64(seed: 20261121)
        var accepted = 0
        for _ in 0..<4000 {
            let count = generator.next(upTo: 7)
            let line = ["extract"] + (0..<count).map { _ in vocabulary[generator.next(upTo: vocabulary.count)] }
            guard let fast = ExtractFastPath.job(line) else { continue }
            accepted += 1
            XCTAssertEqual(fast, parsed(line), "\(line)")
        }
        XCTAssertGreaterThan(accepted, 200, "the vocabulary should reach the fast path often")
    }
}
