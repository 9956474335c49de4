import ArgumentParser
import BulletinCheck
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation

/// `bulletin-pdf check`: lays out issues and reports every typographic rule they break.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lay out issues and report every typographic violation (page, line, text).",
        discussion: """
        Rules: prohibited line start/end (kinsoku), split ——/……, full lines off the grid edge, \
        uneven Han spacing in justified lines, a lonely last-line character, widow/orphan lines, \
        headings last on a page, missing glyphs, broken Western words.
        Exit codes: 0 no violation; 1 violations found or invalid input. Checking a PDF needs \
        the PDF reader of `extract` and is not available yet.
        """)

    @Argument(help: "Issue JSON files.")
    var inputs: [String]

    @Option(help: "Layout name from Layouts/ or path to a layout JSON file.")
    var layout: String = "jianbao"

    func run() throws {
        let home = try installationHome()
        let found: Int
        do {
            found = try checkAll(home: home)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.invalidInput
        }
        if found > 0 { throw ExitCode(1) }
    }

    /// Checks every input; returns how many problems were found (violations and unreadable files).
    private func checkAll(home: String) throws(DiagnosticsError) -> Int {
        var found = 0
        let session = try RenderSession(home: home)
        let typesetter = try session.typesetter(layout: layout)
        let checker = TypographyChecker(kinsoku: KinsokuStyle(rawValue: typesetter.spec.typography.kinsoku) ?? .gb,
                                        grid: typesetter.spec.grid != nil)
        for input in inputs {
            if input.lowercased().hasSuffix(".pdf") {
                DiagnosticPrinter.error("\(input): checking PDFs needs the PDF reader (extract), not available yet")
                found += 1
                continue
            }
            guard let data = FileManager.default.contents(atPath: input) else {
                DiagnosticPrinter.error("\(input): cannot read the file")
                found += 1
                continue
            }
            let issue = try IssueDecoder.decode(Array(data), file: input).value.issue
            let violations = checker.check(typesetter.layout(issue).value)
            for violation in violations { print("\(input): \(violation)") }
            print("\(input): \(violations.count) violation\(violations.count == 1 ? "" : "s")")
            found += violations.count
        }
        return found
    }
}
