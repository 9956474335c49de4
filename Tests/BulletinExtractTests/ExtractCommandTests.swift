import BulletinExtract
import BulletinModel
import BulletinPDFReader
import Foundation
import TestSupport
import XCTest

/// `bulletin-pdf extract` as a user runs it: formats, pages, several files, standard input, errors
/// and exit codes (0 ok, 1 unreadable input / no such page / not a bulletin, 64 usage).
final class ExtractCommandTests: XCTestCase {
    static var binary: String { Bundle.main.bundleURL.appendingPathComponent("bulletin-pdf").path }

    /// The sample PDFs, written once for the command to read.
    static let directory: String = {
        let directory = Repository.temporaryDirectory()
        for sample in SampleFixtures.all {
            _ = FileManager.default.createFile(atPath: "\(directory)/\(sample.name).pdf", contents: Data(sample.pdf))
        }
        return directory
    }()

    private func pdf(_ name: String) -> String { "\(Self.directory)/\(name).pdf" }

    private func run(_ arguments: [String], stdin: Data? = nil) throws -> Poppler.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["BULLETIN_PDF_HOME"] = Repository.root
        return try Shell.run(Self.binary, ["extract"] + arguments, stdin: stdin, environment: environment)
    }

    func testTextToStandardOutputIsThePrintedText() throws {
        let sample = SampleFixtures.all[0]
        let result = try run([pdf(sample.name)])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertNil(PrintedTextMatch.mismatch(extracted: result.stdout, items: sample.issue.printedItems))
        XCTAssertTrue(result.stdout.hasPrefix("首都精神文明建设情况简报\n\n"))
    }

    func testIssueFormatRoundTripsThroughRender() throws {
        for sample in SampleFixtures.all {
            let out = "\(Self.directory)/\(sample.name)-issue.json"
            let result = try run([pdf(sample.name), "--format", "issue", "-o", out])
            XCTAssertEqual(result.status, 0, result.stderr)
            let data = try XCTUnwrap(FileManager.default.contents(atPath: out))
            XCTAssertEqual(try IssueDecoder.decode(Array(data), file: out).value.issue, sample.issue, sample.name)
            // And render accepts it.
            var environment = ProcessInfo.processInfo.environment
            environment["BULLETIN_PDF_HOME"] = Repository.root
            let rendered = try Shell.run(Self.binary, ["render", out, "-o", "\(Self.directory)/\(sample.name)-again.pdf"],
                                         environment: environment)
            XCTAssertEqual(rendered.status, 0, rendered.stderr)
        }
    }

    func testPagesSelectsPages() throws {
        let name = SampleFixtures.all[0].name
        let all = try run([pdf(name), "--format", "json"])
        let two = try run([pdf(name), "--pages", "2-3", "--format", "json"])
        XCTAssertEqual(two.status, 0, two.stderr)
        let pages = { (text: String) -> [Int] in
            let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            return ((root?["pages"] as? [[String: Any]]) ?? []).compactMap { $0["page"] as? Int }
        }
        XCTAssertEqual(pages(two.stdout), [2, 3])
        XCTAssertEqual(pages(all.stdout), Array(1...SampleFixtures.all[0].displayList.pages.count))

        let missing = try run([pdf(name), "--pages", "9"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("\(name).pdf: --pages: page 9 does not exist"), missing.stderr)
        XCTAssertEqual(missing.stdout, "")

        let bad = try run([pdf(name), "--pages", "3-1"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("runs backwards"), bad.stderr)
    }

    func testSeveralFilesGetHeadersOrAFileEach() throws {
        let names = SampleFixtures.all.prefix(2).map(\.name)
        let result = try run(names.map(pdf))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("==> \(pdf(names[0])) <==\n首都精神文明建设情况简报"))
        XCTAssertTrue(result.stdout.contains("\n==> \(pdf(names[1])) <==\n首都精神文明建设情况简报"))

        let out = "\(Self.directory)/out-\(UUID().uuidString)"
        let each = try run(names.map(pdf) + ["--format", "markdown", "-o", out])
        XCTAssertEqual(each.status, 0, each.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), names.map { "\($0).md" })
    }

    /// Text is written as it is extracted; pages not kept between the two passes are read again.
    /// Either way the output is the same, and a file output appears whole, by rename.
    func testTextIsTheSameWhenPagesAreReadAgain() throws {
        for sample in SampleFixtures.all {
            let kept = try run([pdf(sample.name)])
            let reread = try run([pdf(sample.name), "--retain-budget", "0"])
            XCTAssertEqual(kept.status, 0, kept.stderr)
            XCTAssertEqual(reread.status, 0, reread.stderr)
            XCTAssertEqual(reread.stdout, kept.stdout, sample.name)
            XCTAssertGreaterThan(kept.stdout.count, 1000)

            let directory = Repository.temporaryDirectory()
            let file = try run([pdf(sample.name), "--retain-budget", "0", "--keep-furniture", "-o", "\(directory)/out.txt"])
            XCTAssertEqual(file.status, 0, file.stderr)
            let keptFurniture = try run([pdf(sample.name), "--keep-furniture"])
            XCTAssertEqual(try String(contentsOfFile: "\(directory)/out.txt", encoding: .utf8), keptFurniture.stdout)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["out.txt"])
        }
    }

    /// JSON is written page by page and markdown/issue from the paragraphs alone, without holding
    /// every page's lines: the output is what the writers give for the whole extraction, whether
    /// the pages are kept between the passes or read again.
    func testStreamedFormatsEqualTheWholeExtraction() throws {
        for sample in SampleFixtures.all {
            let path = pdf(sample.name)
            let extraction = Extractor.extract(try PDFDocument(path: path))
            let classified = BlockClassifier.classify(extraction)
            let expected: [String: String] = [
                "json": JSONWriter.write(extraction, file: path),
                "markdown": MarkdownWriter.write(extraction),
                "issue": IssueEncoder.encode(try XCTUnwrap(IssueRecovery.recover(classified), sample.name)),
            ]
            for (format, text) in expected {
                for budget in [[], ["--retain-budget", "0"]] {
                    let result = try run([path, "--format", format] + budget)
                    XCTAssertEqual(result.status, 0, result.stderr)
                    XCTAssertEqual(result.stdout, text, "\(sample.name) \(format) \(budget)")
                }
            }
        }
    }

    func testStandardInputAndKeepFurniture() throws {
        let sample = SampleFixtures.all[0]
        let result = try run(["-", "--keep-furniture"], stdin: Data(sample.pdf))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\n\n— 1 —\n\n"))
        XCTAssertFalse(try run(["-"], stdin: Data(sample.pdf)).stdout.contains("— 1 —"))
    }

    func testBadInputIsAnErrorNamingTheFileAndWritesNothing() throws {
        let garbage = "\(Self.directory)/garbage.pdf"
        FileManager.default.createFile(atPath: garbage, contents: Data("not a pdf at all".utf8))
        let empty = "\(Self.directory)/empty.pdf"
        FileManager.default.createFile(atPath: empty, contents: Data())
        let out = "\(Self.directory)/never.txt"
        for input in [garbage, empty, "\(Self.directory)/missing.pdf", Self.directory] {
            let result = try run([input, "-o", out])
            XCTAssertEqual(result.status, 1, input)
            XCTAssertTrue(result.stderr.hasPrefix("error: \(input): "), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written for \(input)")
        }
        // The good file of a batch is still extracted; the exit code reports the bad one.
        let mixed = try run([garbage, pdf(SampleFixtures.all[0].name)])
        XCTAssertEqual(mixed.status, 1)
        XCTAssertTrue(mixed.stdout.contains("首都精神文明建设情况简报"))
    }

    /// --password and --password-file (first line, line ending dropped) open an encrypted input;
    /// without one the error says how to give it; a wrong one, or both options, are errors.
    func testPasswordOptionsOpenEncryptedInputs() throws {
        let encrypted = "\(Repository.root)/Tests/Fixtures/pdf/password-r6.pdf"
        let plain = try run(["\(Repository.root)/Tests/Fixtures/pdf/base.pdf"])
        XCTAssertEqual(plain.status, 0, plain.stderr)

        let missing = try run([encrypted])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "error: \(encrypted): the file is encrypted (AES-256, R6) and needs a password to open (give it with --password or --password-file)\n")
        let wrong = try run([encrypted, "--password", "guess"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("neither the user nor the owner password"), wrong.stderr)

        let given = try run([encrypted, "--password", "owner-pw"])
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertEqual(given.stdout, plain.stdout)
        let file = "\(Self.directory)/password.txt"
        FileManager.default.createFile(atPath: file, contents: Data("secret\r\nsecond line\n".utf8))
        let fromFile = try run([encrypted, "--password-file", file])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromFile.stdout, plain.stdout)

        let unreadable = try run([encrypted, "--password-file", "\(Self.directory)/no-such-file"])
        XCTAssertEqual(unreadable.status, 1)
        XCTAssertTrue(unreadable.stderr.contains("cannot read the password file"), unreadable.stderr)
        let both = try run([encrypted, "--password", "secret", "--password-file", file])
        XCTAssertEqual(both.status, 64)
    }

    func testIssueOfANonBulletinIsAnError() throws {
        // A bulletin's later pages alone have no masthead.
        let result = try run([pdf(SampleFixtures.all[0].name), "--pages", "2-", "--format", "issue"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("not a bulletin"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testOutputMayNotOverwriteAnInput() throws {
        let copy = "\(Self.directory)/copy.pdf"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: pdf(SampleFixtures.all[0].name), toPath: copy)
        let result = try run([copy, "-o", copy])
        XCTAssertEqual(result.status, 64)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), Data(SampleFixtures.all[0].pdf))
    }

    /// A damaged file is repaired by looking at its objects; they are visited in number order, so
    /// the JSON (warnings included) is the same on every run. (Swift seeds its hashing per process:
    /// visiting them in a dictionary's order gave the fuzz fixture six different outputs in 20 runs.)
    func testDamagedFileGivesTheSameOutputOnEveryRun() throws {
        let damaged = "\(Repository.root)/Tests/Fixtures/pdf/fuzz-negative-range-target.pdf"
        let first = try run([damaged, "--format", "json"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("rebuilt by scanning"), "the file should need repairing")
        for _ in 0..<5 {
            let again = try run([damaged, "--format", "json"])
            XCTAssertEqual(again.stdout, first.stdout)
            XCTAssertEqual(again.stderr, first.stderr)
        }
    }
}
