import BulletinDiff
import BulletinRender
import Foundation

/// The report directory: `index.html` (self-contained), `report.json` (the same as `--json`)
/// and `pages/` with the images.
public enum ReportFiles {
    /// Makes the directory ready before a run writes images into it. A previous report's `pages/`
    /// is removed (only when `index.html` shows the directory holds one), so no stale image stays.
    public static func prepare(_ directory: String) throws(DiffError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: directory, reason: "cannot create the report directory")
        }
        let pages = DirectoryListing.join(directory, "pages")
        if manager.fileExists(atPath: DirectoryListing.join(directory, "index.html")), manager.fileExists(atPath: pages) {
            do { try manager.removeItem(atPath: pages) } catch {
                throw .writeFailed(path: pages, reason: "cannot remove the previous report's images")
            }
        }
    }

    public static func write(_ report: DiffReport, to directory: String) throws(DiffError) {
        let files = GoldenFiles(directory: directory)
        try files.write(json(report), "report.json")
        try files.write(Array(HTMLReport.render(report).utf8), "index.html")
    }

    /// The machine-readable report (pretty JSON, keys sorted).
    public static func json(_ report: DiffReport) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(report)) + [0x0A]
    }
}
