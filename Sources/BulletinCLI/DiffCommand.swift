import ArgumentParser
import BulletinDiff
import BulletinRender
import BulletinVisualDiff
import Foundation

/// `bulletin-pdf diff BASE NEW` and `bulletin-pdf diff --goldens DIR ARCHIVE [--update]`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare documents page by page (PDFs, issues, archives, page PNGs) or an archive against goldens.",
        discussion: """
        Each side is a PDF, a directory of PDFs, an issue JSON, an archive directory of issue JSON \
        files, a directory of page PNGs (NAME-1.png, NAME-2.png …) or a goldens directory. PDFs are \
        rasterized by poppler's pdftoppm; issues are rendered through our own Cairo PNG path. \
        Documents pair by relative path without extension, pages by number; a page only one side \
        has is reported as added or removed, never resized.

        Examples:
          bulletin-pdf diff old.pdf new.pdf --report out/diff-report
          bulletin-pdf diff Samples/ edited-samples/ --max-diff-ratio 0.0005 --json
          bulletin-pdf snapshot Samples --goldens Tests/Goldens/snapshot
          bulletin-pdf diff --goldens Tests/Goldens/snapshot Samples
          bulletin-pdf diff --goldens Tests/Goldens/snapshot Samples --update

        Exit codes: 0 same; 1 different; 2 error (an input that cannot be read or rendered, pages \
        of different sizes, a missing golden, goldens from another machine with differences); 64 \
        bad usage. --json prints the report as JSON on standard output (format in the README).
        """)

    @Argument(help: "BASE NEW, or ARCHIVE with --goldens.")
    var inputs: [String]

    @Option(help: "Compare ARCHIVE (an issue or a directory of issues) against the goldens in this directory.")
    var goldens: String?

    @Flag(help: "With --goldens: re-record what changed (pages, traces, issues added or removed) and say which.")
    var update = false

    @Option(help: "Colour distance that still counts as the same colour, 0…1 (pixelmatch's YIQ scale).")
    var threshold: Double = 0.1

    @Flag(help: "Count anti-aliased edge pixels as differences (by default they are forgiven).")
    var countAntialiasing = false

    @Option(help: "Forgive differences explained by an edge moved up to N pixels (0: off); for comparing PDFs with our PNGs.")
    var shiftTolerance: Int = 0

    @Option(help: "Differing pixels a page may have and still be the same (default 0).")
    var maxDiffPixels: Int?

    @Option(help: "Share of a page's pixels (0…1) that may differ and still be the same.")
    var maxDiffRatio: Double?

    @Option(help: "Resolution at which PDFs and issues are rasterized (goldens use their own).")
    var dpi: Double = 150

    @Option(help: "Layout for issues: a name from Layouts/ or a path (goldens use their own).")
    var layout: String = "jianbao"

    @Option(help: "Write the report here: index.html, report.json and the page images.")
    var report: String?

    @Flag(help: "Print the report as JSON on standard output instead of the summary.")
    var json = false

    @Option(help: "Also write the JSON report to this file.")
    var jsonFile: String?

    @Option(help: "Directory of font files for issues (default: Fonts/ of the installation).")
    var fonts: String?

    @Flag(help: "Do not fall back to system fonts for characters the layout's fonts lack.")
    var noSystemFonts = false

    func validate() throws {
        if goldens != nil {
            guard inputs.count == 1 else { throw ValidationError("with --goldens give one ARCHIVE (an issue or a directory of issues).") }
        } else {
            guard inputs.count == 2 else { throw ValidationError("give two inputs, BASE and NEW (or --goldens DIR ARCHIVE).") }
            if update { throw ValidationError("--update needs --goldens.") }
        }
        if !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1.") }
        if !(0...3).contains(shiftTolerance) { throw ValidationError("--shift-tolerance must be between 0 and 3.") }
        if let maxDiffPixels, maxDiffPixels < 0 { throw ValidationError("--max-diff-pixels must not be negative.") }
        if let maxDiffRatio, !(0...1).contains(maxDiffRatio) { throw ValidationError("--max-diff-ratio must be between 0 and 1.") }
        if !(10...1200).contains(dpi) { throw ValidationError("--dpi must be between 10 and 1200.") }
    }

    func run() throws {
        var options = DiffOptions(comparison: PixelComparison(threshold: threshold, detectsAntialiasing: !countAntialiasing,
                                                                  shiftTolerance: shiftTolerance),
                                  maxDiffPixels: maxDiffPixels, maxDiffRatio: maxDiffRatio, reportDirectory: report)
        let rasterizer = PDFRasterizer()
        let settings = options.settings(dpi: dpi, rasterizer: nil)
        var result: DiffReport
        do {
            if let report { try ReportFiles.prepare(report) }
            let session = SessionProvider(fonts: fonts, systemFallback: !noSystemFonts)
            if let goldens {
                result = GoldenCheck(goldens: goldens, archive: inputs[0], options: options, update: update,
                                     session: try session.get()).run(settings: settings)
            } else {
                let input = DiffInput(dpi: dpi, layout: layout, rasterizer: rasterizer,
                                      pdfLineReader: ExtractedPDFLines(), session: session.get)
                let base = try input.open(inputs[0]), new = try input.open(inputs[1])
                var settings = settings
                // Asked only when it matters (one process more): which pdftoppm drew the PDFs.
                if base is PDFDocuments || new is PDFDocuments { settings.rasterizer = rasterizer.version() ?? "pdftoppm" }
                result = DiffRun(options: options).run(base: base, new: new, settings: settings)
            }
        } catch {
            options.reportDirectory = nil
            result = DiffReport(base: inputs.first ?? "", new: inputs.dropFirst().first ?? "", settings: settings,
                                errors: [error.description])
        }
        try finish(result)
    }

    /// Writes the report files and the summary; exits with the outcome's code.
    private func finish(_ result: DiffReport) throws {
        var result = result
        if let report {
            do { try ReportFiles.write(result, to: report) } catch {
                result.errors.append(error.description)
                result.finish()
            }
        }
        if let jsonFile {
            do { try AtomicFile.write(ReportFiles.json(result), to: jsonFile) } catch {
                result.errors.append(error.description)
                result.finish()
            }
        }
        for warning in result.warnings + result.documents.flatMap(\.warnings) { DiagnosticPrinter.warning(warning) }
        for error in result.errors { DiagnosticPrinter.error(error) }
        for document in result.documents {
            for error in document.errors { DiagnosticPrinter.error("\(document.name): \(error)") }
            for page in document.pages { if let error = page.error { DiagnosticPrinter.error(error) } }
        }
        if json {
            try? AtomicFile.writeStandardOutput(ReportFiles.json(result))
        } else {
            print(DiffSummaryText.render(result, reportDirectory: report), terminator: "")
        }
        if result.exitCode != 0 { throw ExitCode(Int32(result.exitCode)) }
    }
}

extension DiagnosticPrinter {
    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }
}
