import ArgumentParser
import BulletinVisualDiff
import Foundation

/// `bulletin-pdf snapshot ARCHIVE --goldens DIR`: records goldens (page PNGs, traces, manifest).
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Record goldens of every issue in an archive: page PNGs, text traces and a manifest.",
        discussion: """
        The manifest records the resolution, the layout, the versions of Cairo, HarfBuzz and \
        FreeType and the SHA-256 of every font used; `bulletin-pdf diff --goldens DIR ARCHIVE` \
        checks against the goldens and warns when this machine differs. Nothing is written unless \
        every issue renders. Exit codes: 0 recorded; 2 error; 64 bad usage.

        Example:
          bulletin-pdf snapshot Samples --goldens Tests/Goldens/snapshot --dpi 72
        """)

    @Argument(help: "An issue JSON file or an archive directory of them.")
    var archive: String

    @Option(help: "The goldens directory (created if needed).")
    var goldens: String

    @Option(help: "Resolution of the page PNGs.")
    var dpi: Double = 150

    @Option(help: "Layout: a name from Layouts/ or a path.")
    var layout: String = "jianbao"

    @Option(help: "Directory of font files (default: Fonts/ of the installation).")
    var fonts: String?

    @Flag(help: "Do not fall back to system fonts for characters the layout's fonts lack.")
    var noSystemFonts = false

    func validate() throws {
        if !(10...1200).contains(dpi) { throw ValidationError("--dpi must be between 10 and 1200.") }
    }

    func run() throws {
        if case .failure(let error) = Result(catching: { () throws(DiffError) in try record() }) {
            DiagnosticPrinter.error(error.description)
            throw ExitCode(2)
        }
    }

    private func record() throws(DiffError) {
        guard FileManager.default.fileExists(atPath: archive) else { throw .noSuchInput(path: archive) }
        let session = try SessionProvider(fonts: fonts, systemFallback: !noSystemFonts).get()
        let issues = IssueDocuments(path: archive, session: session, layout: layout, dpi: dpi)
        guard !issues.names.isEmpty else {
            throw .unrecognizedInput(path: archive, reason: "no issue JSON files in this directory")
        }
        let summary = try Snapshot(archive: issues).record(into: goldens)
        for warning in summary.warnings { DiagnosticPrinter.warning(warning) }
        print("recorded \(summary.documents) issues, \(summary.pages) pages at \(String(format: "%g", dpi)) dpi into \(goldens) "
              + "(Cairo \(LibraryVersions.cairo), HarfBuzz \(LibraryVersions.harfBuzz), FreeType \(LibraryVersions.freeType))")
        for file in summary.removed { print("removed    \(file) (no longer in the archive)") }
    }
}
