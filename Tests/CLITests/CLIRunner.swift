import Foundation
import TestSupport
import XCTest

/// Runs the built `bulletin-pdf` binary the way a user does.
///
/// The test target depends on the `BulletinCLI` executable target, so SwiftPM builds the binary
/// into the products directory, next to the test bundle.
enum CLI {
    /// `<scratch>/debug/bulletin-pdf`.
    static var binary: String {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL
            .deletingLastPathComponent()
        #else
        let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("bulletin-pdf").path
    }

    /// The environment of every run: the repository as home (Fonts/, Layouts/), no
    /// SOURCE_DATE_EPOCH from the caller.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["BULLETIN_PDF_HOME"] = Repository.root
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        return environment
    }

    /// What one run printed and returned.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard error split into lines, without the empty last one.
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// Runs `bulletin-pdf arguments…`, optionally feeding standard input.
    static func run(_ arguments: [String], stdin: Data? = nil, file: StaticString = #filePath,
                    line: UInt = #line) -> Run {
        launch(binary, arguments, stdin: stdin, environment: environment, file: file, line: line)
    }

    /// Runs a `/bin/sh` command line in which `$BULLETIN_PDF` is the binary: for pipes and
    /// redirections, where standard output must stay bytes (a PDF), not text.
    static func shell(_ script: String, file: StaticString = #filePath, line: UInt = #line) -> Run {
        var environment = self.environment
        environment["BULLETIN_PDF"] = binary
        return launch("/bin/sh", ["-c", script], stdin: nil, environment: environment, file: file, line: line)
    }

    private static func launch(_ executable: String, _ arguments: [String], stdin: Data?,
                               environment: [String: String], file: StaticString, line: UInt) -> Run {
        do {
            let result = try Shell.run(executable, arguments, stdin: stdin, environment: environment)
            return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
        } catch {
            XCTFail("cannot run \(executable): \(error)", file: file, line: line)
            return Run(status: -1, stdout: "", stderr: "")
        }
    }
}

/// The documented exit codes of `bulletin-pdf`.
enum Exit {
    static let ok: Int32 = 0
    static let invalidInput: Int32 = 1
    static let outputFailed: Int32 = 3
    static let usage: Int32 = 64
}

/// Issue JSON for the tests, written out as text so that line:column in messages can be read
/// off the source.
enum IssueJSON {
    /// A valid issue whose one article has `blocks`. The blocks start on line 3, column 42:
    /// `error: FILE:3:42: sections[0].articles[0].blocks[0]: …` points at the first one.
    static func withBlocks(_ blocks: String) -> String {
        """
        {
          "masthead": {"title": "测试简报", "number": "第1期", "issuer": "测试办", "date": "2020年7月7日"},
          "sections": [{"articles": [{"blocks": [\(blocks)]}]}]
        }

        """
    }

    /// A valid issue with one plain paragraph.
    static let valid = withBlocks(#""第一段文字。""#)

    /// A valid issue whose one paragraph is `text` (a Swift string, escaped here as JSON).
    static func withParagraph(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return withBlocks(String(array.dropFirst().dropLast()))
    }
}

/// 1-based line and column (in Unicode scalars, as the diagnostics count) of the first `needle`
/// in `text`.
func location(of needle: String, in text: String, file: StaticString = #filePath,
              line: UInt = #line) -> (line: Int, column: Int) {
    guard let range = text.range(of: needle) else {
        XCTFail("\(needle) not found", file: file, line: line)
        return (0, 0)
    }
    let before = text[..<range.lowerBound]
    let lineNumber = before.filter { $0 == "\n" }.count + 1
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (lineNumber, text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
}

/// A temporary directory per test; removed afterwards (made writable again first).
class CLITestCase: XCTestCase {
    var directory = ""

    override func setUp() {
        super.setUp()
        directory = Repository.temporaryDirectory()
    }

    override func tearDown() {
        // Make directories writable again (a test may have made one read-only) so they can be
        // removed. Only real directories: chmod follows symbolic links, and some tests link the
        // shipped fonts.
        let manager = FileManager.default
        for name in [""] + ((try? manager.subpathsOfDirectory(atPath: directory)) ?? []) {
            let item = path(name)
            if (try? manager.attributesOfItem(atPath: item))?[.type] as? FileAttributeType == .typeDirectory {
                chmod(item, 0o755)
            }
        }
        try? manager.removeItem(atPath: directory)
        super.tearDown()
    }

    /// A path inside the test's directory.
    func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Writes `text` to `name` in the test's directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let target = path(name)
        try! FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func contents(of file: String) -> Data? { FileManager.default.contents(atPath: file) }

    func exists(_ file: String) -> Bool { FileManager.default.fileExists(atPath: file) }

    /// Files an atomic write would leave behind if it failed half-way: `.NAME.PID.RANDOM.tmp`.
    func temporaryFiles(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    /// After a failed run: no PDF at `output` and no temporary file beside it.
    func assertNothingWritten(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(exists(output), "\(output) was written by a failed run", file: file, line: line)
        let folder = (output as NSString).deletingLastPathComponent
        XCTAssertEqual(temporaryFiles(in: folder), [], "temporary files left in \(folder)", file: file, line: line)
    }

    /// The page count pdfinfo reads from `pdf` (0 if it cannot read it).
    func pageCount(_ pdf: String) -> Int {
        Int((try? Poppler.info(pdf))?["Pages"] ?? "") ?? 0
    }

    /// pdftotext's text of `pdf` with line breaks removed, so that a paragraph reads as one string.
    func text(of pdf: String, pages: ClosedRange<Int>? = nil) -> String {
        var arguments = ["-enc", "UTF-8"]
        if let pages { arguments += ["-f", "\(pages.lowerBound)", "-l", "\(pages.upperBound)"] }
        let output = (try? Poppler.run("pdftotext", arguments + [pdf, "-"]))?.stdout ?? ""
        return output.replacingOccurrences(of: "\n", with: "")
    }
}
