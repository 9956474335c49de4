import Foundation
import TestSupport
import XCTest

/// Bad layout files and font files: located in the layout (file:line:column, JSON path), exit
/// code 1, no PDF.
final class RenderLayoutAndFontErrorTests: CLITestCase {
    private let shippedLayout = Repository.path("Layouts/jianbao.json")
    private var shippedLayoutText: String { try! String(contentsOfFile: shippedLayout, encoding: .utf8) }

    /// A font that only the `kai` role of jianbao.json names, as its first font.
    private let kaiFont = "FandolKai-Regular.otf"

    /// Renders a valid issue with extra arguments; checks the failure is clean and returns stderr.
    private func renderValidIssue(_ arguments: [String], file: StaticString = #filePath,
                                  line: UInt = #line) -> [String] {
        let input = write("issue.json", IssueJSON.valid)
        let output = path("issue.pdf")
        let run = CLI.run(["render", input, "-o", output] + arguments)
        XCTAssertEqual(run.status, Exit.invalidInput, run.stderr, file: file, line: line)
        assertNothingWritten(output, file: file, line: line)
        return run.stderrLines
    }

    /// A font directory with every shipped font linked in, except `broken`, which holds `bytes`.
    private func fontDirectory(breaking broken: String, with bytes: Data) -> String {
        let fonts = path("fonts")
        try! FileManager.default.createDirectory(atPath: fonts, withIntermediateDirectories: true)
        let shipped = Repository.path("Fonts")
        for name in try! FileManager.default.contentsOfDirectory(atPath: shipped) where name != broken {
            try! FileManager.default.createSymbolicLink(atPath: (fonts as NSString).appendingPathComponent(name),
                                                        withDestinationPath: (shipped as NSString).appendingPathComponent(name))
        }
        _ = FileManager.default.createFile(atPath: (fonts as NSString).appendingPathComponent(broken), contents: bytes)
        return fonts
    }

    func testUnknownLayoutKeyIsLocatedWithSuggestion() {
        let text = shippedLayoutText.replacingOccurrences(of: #""hanLatinSpacing""#, with: #""hanLatinSpaceing""#)
        XCTAssertNotEqual(text, shippedLayoutText, "jianbao.json no longer has typography.hanLatinSpacing")
        let layout = write("typo.json", text)
        let at = location(of: #""hanLatinSpaceing""#, in: text)
        XCTAssertEqual(renderValidIssue(["--layout", layout]), [
            #"error: \#(layout):\#(at.line):\#(at.column): typography: unknown key "hanLatinSpaceing" "#
                + #"(did you mean "hanLatinSpacing"?)"#,
        ])
    }

    func testUnknownLayoutNameIsAnInputError() {
        let stderr = renderValidIssue(["--layout", "no-such-layout"])
        XCTAssertEqual(stderr, ["error: \(Repository.path("Layouts/no-such-layout.json")): no such layout file "
                                + "(give a layout name from Layouts/ or a path to a layout JSON file)"])
    }

    func testMissingFontFileIsLocatedInTheLayout() {
        let text = shippedLayoutText.replacingOccurrences(of: "\"\(kaiFont)\"", with: #""FandolKai-Missing.otf""#)
        XCTAssertNotEqual(text, shippedLayoutText, "jianbao.json no longer names \(kaiFont)")
        let layout = write("missing-font.json", text)
        let at = location(of: #""FandolKai-Missing.otf""#, in: text)
        let fonts = Repository.path("Fonts")
        XCTAssertEqual(renderValidIssue(["--layout", layout]), [
            "error: \(layout):\(at.line):\(at.column): fontRoles.kai[0]: font role “kai”: "
                + "\(fonts)/FandolKai-Missing.otf: cannot read font file: no such file "
                + "(expected an OpenType or TrueType font file; names are looked up in \(fonts))",
        ])
    }

    func testEmptyFontFileIsLocatedInTheLayout() {
        XCTAssertEqual(shippedLayoutText.components(separatedBy: "\"\(kaiFont)\"").count, 2,
                       "the test expects jianbao.json to name \(kaiFont) once, in fontRoles.kai")
        let fonts = fontDirectory(breaking: kaiFont, with: Data())
        let at = location(of: "\"\(kaiFont)\"", in: shippedLayoutText)
        XCTAssertEqual(renderValidIssue(["--fonts", fonts]), [
            "error: \(shippedLayout):\(at.line):\(at.column): fontRoles.kai[0]: font role “kai”: "
                + "\(fonts)/\(kaiFont): cannot read font file: empty or unreadable file "
                + "(expected an OpenType or TrueType font file; names are looked up in \(fonts))",
        ])
    }

    func testGarbageFontFileIsLocatedInTheLayout() {
        let fonts = fontDirectory(breaking: kaiFont, with: Data("OTTO this is not a font\n".utf8))
        let at = location(of: "\"\(kaiFont)\"", in: shippedLayoutText)
        XCTAssertEqual(renderValidIssue(["--fonts", fonts]), [
            "error: \(shippedLayout):\(at.line):\(at.column): fontRoles.kai[0]: font role “kai”: "
                + "\(fonts)/\(kaiFont): not a usable font: no glyphs (not an OpenType/TrueType font?) "
                + "(expected an OpenType or TrueType font file; names are looked up in \(fonts))",
        ])
    }

    func testTruncatedFontFileIsAnErrorNotACrash() throws {
        let real = try XCTUnwrap(contents(of: Repository.path("Fonts/\(kaiFont)")))
        let fonts = fontDirectory(breaking: kaiFont, with: real.prefix(50_000))
        let stderr = renderValidIssue(["--fonts", fonts])
        XCTAssertEqual(stderr.count, 1, stderr.joined(separator: "\n"))
        XCTAssertTrue(stderr.first?.hasPrefix("error: \(shippedLayout):") ?? false, stderr.joined())
        XCTAssertTrue(stderr.first?.contains("fontRoles.kai[0]: font role “kai”: \(fonts)/\(kaiFont): not a usable font")
                      ?? false, stderr.joined())
    }
}
