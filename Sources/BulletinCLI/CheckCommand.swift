import ArgumentParser
import BulletinCheck
import BulletinLayout
import BulletinModel
import BulletinPDFReader
import BulletinRender
import Foundation

/// `bulletin-pdf check`: lays out issues (or reads PDFs back) and reports every typographic rule
/// they break.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check issues (laid out) or PDFs (read back) and report every typographic violation.",
        discussion: """
        Rules: prohibited line start/end (kinsoku), split ——/……, full lines off the grid edge, \
        uneven Han spacing in justified lines, a lonely last-line character, widow/orphan lines, \
        headings last on a page, missing glyphs, broken Western words.
        A PDF is read with our own reader (as `extract` reads it): page furniture and the \
        masthead are left out, blocks are recognised from how they are set, and the measure of \
        full lines is the right edge most body lines end on. The layout gives the kinsoku style \
        and whether a character grid applies (`--no-grid` for a PDF set without one).
        Exit codes: 0 no violation; 1 violations found or invalid input.
        """)

    @Argument(help: "Issue JSON files or PDF files.")
    var inputs: [String]

    @Option(help: "Layout name from Layouts/ or path to a layout JSON file.")
    var layout: String = "jianbao"

    @Flag(help: "Do not require full lines to end exactly on the measure (PDFs set without a character grid).")
    var noGrid = false

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
                                        grid: typesetter.spec.grid != nil && !noGrid)
        for input in inputs {
            if input.lowercased().hasSuffix(".pdf") {
                found += checkPDF(input, checker: checker, measure: noGrid ? nil : ExtractedLines.Measure(grid: typesetter.spec))
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

    /// Reads a PDF back and checks its lines; returns the number of problems (an unreadable file
    /// counts as one).
    private func checkPDF(_ input: String, checker: TypographyChecker, measure: ExtractedLines.Measure?) -> Int {
        let document: PDFDocument
        do {
            document = try PDFDocument(path: input)
        } catch {
            // The reader's error already names the file (and the byte offset when it has one).
            DiagnosticPrinter.error("\(error)")
            return 1
        }
        let (lines, warnings) = ExtractedLines.checkedLines(document, measure: measure)
        for warning in warnings { DiagnosticPrinter.warning("\(input): \(warning)") }
        let violations = checker.check(lines: lines)
        for violation in violations { print("\(input): \(violation)") }
        print("\(input): \(violations.count) violation\(violations.count == 1 ? "" : "s") in \(lines.count) lines")
        return violations.count
    }
}
